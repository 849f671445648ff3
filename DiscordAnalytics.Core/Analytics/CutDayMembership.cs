namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// A cut day's joins and counted leaves, each as the first cut that includes it (sorted), read at the guild's member-row
/// version <see cref="RowVersion"/> (<see cref="CutDayTotals"/>). Replaced whole, never changed.
/// </summary>
internal sealed record CutDayMembership(long[] Joins, long[] Leaves, long RowVersion);
