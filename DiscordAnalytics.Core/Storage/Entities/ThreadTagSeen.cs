namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>
/// A tag seen applied to a forum post (<c>threadTags</c>, from the thread's <c>applied_tags</c>) and the first moment it
/// was seen so: a later or repeated observation keeps the earlier moment, so replays change nothing.
/// </summary>
public sealed class ThreadTagSeen
{
    public long GuildId { get; set; }

    public long ThreadId { get; set; }

    public long TagId { get; set; }

    /// <summary>
    /// The first observation (epoch ms): the event's time, or the thread's archive time when it was archived then (an
    /// archived post cannot be tagged, so the tag was there by then).
    /// </summary>
    public long FirstSeenAt { get; set; }
}
