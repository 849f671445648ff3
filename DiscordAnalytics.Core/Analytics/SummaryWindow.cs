namespace DiscordAnalytics.Core.Analytics;

/// <param name="Kind"><c>last_7_days</c>, <c>last_30_days</c>, <c>last_90_days</c> or <c>custom</c>.</param>
/// <param name="StartAt">Inclusive start, epoch ms (UTC midnight).</param>
/// <param name="EndAt">Exclusive end, epoch ms (UTC midnight).</param>
/// <param name="TimeZone">The guild's display time zone.</param>
public sealed record SummaryWindow(string Kind, long StartAt, long EndAt, string TimeZone);
