namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>
/// A forum (or media) channel's tag whose name says the post is solved (<c>forumSolvedTags</c>: "solved" or "resolved"
/// in its name, case-insensitive), from the channel's <c>available_tags</c>; replaced whenever the channel is seen.
/// </summary>
public sealed class ForumSolvedTag
{
    public long GuildId { get; set; }

    public long ChannelId { get; set; }

    public long TagId { get; set; }
}
