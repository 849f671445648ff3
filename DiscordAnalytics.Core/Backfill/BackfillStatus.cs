namespace DiscordAnalytics.Core.Backfill;

/// <summary>
/// A guild's latest backfill run: state, guild-level progress and the per-channel rows; when finished, the
/// totals are the final report (messages, reactions, threads, skipped channels with reasons).
/// </summary>
/// <param name="Source"><c>live</c> (REST) or <c>demo</c>.</param>
/// <param name="Progress">0..1, the mean of the channels' progress.</param>
/// <param name="OldestAt">The oldest message date reached over all channels (epoch ms).</param>
/// <param name="RequestsPerSecond">Effective request rate: requests over running time.</param>
/// <param name="EtaSeconds">Estimated seconds left while running, from the rate of progress so far.</param>
public sealed record BackfillStatus(
    string GuildId,
    long RunId,
    BackfillState State,
    string Source,
    int Days,
    long CutoffAt,
    IReadOnlyList<string>? ChannelIds,
    long RequestedAt,
    long? StartedAt,
    long? FinishedAt,
    string? Error,
    double Progress,
    int PagesDone,
    int Messages,
    int Reactions,
    int Threads,
    long? OldestAt,
    long Requests,
    double? RequestsPerSecond,
    double? EtaSeconds,
    IReadOnlyList<BackfillChannelStatus> Channels,
    IReadOnlyList<BackfillChannelStatus> Skipped);
