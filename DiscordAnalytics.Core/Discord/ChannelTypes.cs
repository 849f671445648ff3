namespace DiscordAnalytics.Core.Discord;

/// <summary>
/// Discord's channel type numbers (the channel object's <c>type</c>) and the groups of them this product relies on.
/// They stay <see cref="int"/>s: the store keeps the number Discord sent, unknown future types included, and query
/// code compares them inside EF expressions.
/// </summary>
public static class ChannelTypes
{
    public const int Text = 0;

    public const int Voice = 2;

    public const int Category = 4;

    public const int Announcement = 5;

    public const int AnnouncementThread = 10;

    public const int PublicThread = 11;

    public const int PrivateThread = 12;

    /// <summary>Holds only posts, each a public thread whose starter message has the thread's id.</summary>
    public const int Forum = 15;

    /// <summary>Like a forum, for media posts.</summary>
    public const int Media = 16;

    /// <summary>Text and announcement channels: messages are posted in the channel itself (what history paging reads).</summary>
    public static readonly IReadOnlyList<int> TextLike = [Text, Announcement];

    /// <summary>
    /// Text, announcement, forum and media channels: the channels that hold threads, and so the places where questions
    /// are asked (the help-channel candidates) and whose history a backfill can be asked for.
    /// </summary>
    public static readonly IReadOnlyList<int> ThreadParents = [Text, Announcement, Forum, Media];

    /// <summary>Announcement, public and private threads (forum posts are public threads).</summary>
    public static bool IsThread(int type) => type is AnnouncementThread or PublicThread or PrivateThread;

    /// <summary>Text or announcement: see <see cref="TextLike"/>.</summary>
    public static bool IsTextLike(int type) => type is Text or Announcement;

    /// <summary>Text, announcement, forum or media: see <see cref="ThreadParents"/>.</summary>
    public static bool IsThreadParent(int type) => type is Text or Announcement or Forum or Media;

    /// <summary>A channel an owner may mark as a help channel: every thread parent (threads themselves never are).</summary>
    public static bool IsHelpCandidate(int type) => IsThreadParent(type);
}
