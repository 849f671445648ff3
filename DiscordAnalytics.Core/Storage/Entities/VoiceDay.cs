namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>
/// Voice time of one member in one channel on one UTC day, in milliseconds, kept apart by how it was spent. Voice per
/// (day, channel) and per (day, member) are sums of these rows; forgetting a member deletes theirs.
/// </summary>
public sealed class VoiceDay
{
    public long GuildId { get; set; }

    public int Day { get; set; }

    public long ChannelId { get; set; }

    public long UserId { get; set; }

    /// <summary>Heard, with at least one other member in the channel.</summary>
    public long TalkMs { get; set; }

    /// <summary>Muted or deafened (self or server), or a stage listener.</summary>
    public long MutedMs { get; set; }

    /// <summary>Not muted, but nobody else in the channel.</summary>
    public long AloneMs { get; set; }

    /// <summary>All of it per quarter hour of the day (<see cref="QuarterHourCounts"/> layout, milliseconds): the voice heat map.</summary>
    public byte[] QuarterHourMs { get; set; } = [];

    /// <summary>
    /// <see cref="TalkMs"/> per quarter hour of the day (same layout): which local day a member talked on, for streaks in
    /// a guild's time zone. Empty on rows written before it was kept (their talk is placed by <see cref="QuarterHourMs"/>).
    /// </summary>
    public byte[] TalkQuarterHourMs { get; set; } = [];
}
