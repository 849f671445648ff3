namespace DiscordAnalytics.Core.Analytics;

/// <summary>Support health of a window; computed by <see cref="SupportSignalsQuery"/>, which documents each field.</summary>
/// <param name="MedianFirstResponseMinutes">Median over help threads and help-channel questions together.</param>
public sealed record SupportSignals(long UnansweredThreads, double? MedianFirstResponseMinutes, IReadOnlyList<KeywordCount> CommonKeywords)
{
    public static SupportSignals Empty { get; } = new(0, null, []);

    /// <summary>Median over help threads only; additive to schema 1 (null when none answered).</summary>
    public double? MedianThreadFirstResponseMinutes { get; init; }

    /// <summary>Median over questions posted directly in help channels only; additive to schema 1.</summary>
    public double? MedianMessageFirstResponseMinutes { get; init; }
}
