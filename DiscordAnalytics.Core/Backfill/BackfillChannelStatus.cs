namespace DiscordAnalytics.Core.Backfill;

/// <summary>Progress of one channel or thread of a run.</summary>
/// <param name="Progress">0..1: the share of the time span (cut-off to start) covered; 1 when done or skipped.</param>
public sealed record BackfillChannelStatus(
    string ChannelId,
    string Name,
    string? ParentId,
    bool IsThread,
    BackfillChannelState State,
    string? SkipReason,
    int Pages,
    int Messages,
    int Reactions,
    long? OldestAt,
    double Progress);
