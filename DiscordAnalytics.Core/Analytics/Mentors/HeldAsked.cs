namespace DiscordAnalytics.Core.Analytics.Mentors;

/// <summary>
/// One help thread or question held for the mentors: when and where it was asked, by whom, its own answers as read
/// (a thread's messages by others; a question's recorded answer) and its answers as they count now (with a question's
/// replies held beside it), which only <see cref="HeldMentors"/> sets.
/// </summary>
internal sealed class HeldAsked(long id, long at, long channel, long asker, bool isThread, MentorAnswer[] own, long? answeredAt = null)
{
    public long Id { get; } = id;

    /// <summary>When the thread started or the question was asked.</summary>
    public long At { get; } = at;

    /// <summary>The help channel: a thread's parent, a question's channel.</summary>
    public long Channel { get; } = channel;

    public long Asker { get; } = asker;

    public bool IsThread { get; } = isThread;

    public MentorAnswer[] Own { get; } = own;

    /// <summary>A question's stored answer time, whoever answered (null: none, or a thread): what a change can still reach.</summary>
    public long? AnsweredAt { get; } = answeredAt;

    /// <summary>Every answer that counts, one per message.</summary>
    public MentorAnswer[] Answers { get; set; } = [];
}
