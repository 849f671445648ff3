namespace DiscordAnalytics.Core.Demo;

/// <summary>A generated message, kept while its day decides reactions, edits and deletes.</summary>
internal sealed class DemoDraftMessage(ulong id, long at, ulong channelId, DemoMember author, string excerpt)
{
    public ulong Id { get; } = id;

    public long At { get; } = at;

    /// <summary>As delivered: the thread id for messages in threads.</summary>
    public ulong ChannelId { get; } = channelId;

    public DemoMember Author { get; } = author;

    public string Excerpt { get; } = excerpt;

    /// <summary>Replied to or started a thread: never deleted, so nothing points at a deleted message.</summary>
    public bool HasDependents { get; set; }

    public bool Deleted { get; set; }

    /// <summary>When set, this message collects about this many reactions (announcements, great answers).</summary>
    public int ReactionTarget { get; set; }

    /// <summary>Mean reaction delay in ms.</summary>
    public double ReactionDelayMean { get; set; } = 25 * DemoRhythm.MinuteMs;
}
