namespace DiscordAnalytics.Core.Analytics;

/// <summary>What <c>previousTotals</c> covers (an additive field of schema 1).</summary>
/// <param name="StartAt">Inclusive start, epoch ms (UTC midnight).</param>
/// <param name="EndAt">Exclusive end, epoch ms: cut at the same elapsed time as the current window.</param>
/// <param name="HasEarlierData">
/// False when the guild's first stored event is after <paramref name="StartAt"/> (or there is none): the previous
/// window is not fully covered by data, so no change should be computed against it.
/// </param>
public sealed record PreviousWindow(long StartAt, long EndAt, bool HasEarlierData);
