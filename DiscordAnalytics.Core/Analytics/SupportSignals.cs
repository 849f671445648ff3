namespace DiscordAnalytics.Core.Analytics;

/// <summary>Support health of a window; computed by <see cref="SupportSignalsQuery"/>, which documents each field.</summary>
public sealed record SupportSignals(long UnansweredThreads, double? MedianFirstResponseMinutes, IReadOnlyList<KeywordCount> CommonKeywords)
{
    public static SupportSignals Empty { get; } = new(0, null, []);
}
