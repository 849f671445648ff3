namespace DiscordAnalytics.Core.Analytics;

/// <summary>Support health (computed by the insights issue; empty until then).</summary>
public sealed record SupportSignals(long UnansweredThreads, double? MedianFirstResponseMinutes, IReadOnlyList<KeywordCount> CommonKeywords)
{
    public static SupportSignals Empty { get; } = new(0, null, []);
}
