namespace DiscordAnalytics.Core.Loops.Alerts;

/// <summary>
/// What a guild's settings find now: the new alerts (never recorded before), how many threads and questions wait, and
/// the backlog's crossing state after this look (null: unchanged).
/// </summary>
public sealed record AlertEvaluation(IReadOnlyList<DueAlert> Alerts, int Waiting, bool? BacklogFired);
