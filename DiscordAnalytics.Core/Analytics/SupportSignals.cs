using System.Text.Json.Serialization;

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

    /// <summary>Help threads and questions whose asker escalated them; additive to schema 1.</summary>
    public SupportEscalations Escalations { get; init; } = SupportEscalations.None;

    /// <summary>Share (0 to 1, three decimals) of the window's help threads resolved by now; additive to schema 1 (null when none).</summary>
    public double? ResolvedShare { get; init; }

    /// <summary>Median minutes from a resolved help thread's start to its resolution; additive to schema 1 (null when none resolved).</summary>
    public double? MedianResolutionMinutes { get; init; }

    /// <summary>90th percentile (nearest rank) of the same minutes; additive to schema 1 (null when none resolved).</summary>
    public double? P90ResolutionMinutes { get; init; }

    /// <summary>
    /// 90th percentile (nearest rank) over the same answers as <see cref="MedianFirstResponseMinutes"/>: how long the
    /// slowest tenth waited (not part of the schema-1 contract).
    /// </summary>
    [JsonIgnore]
    public double? P90FirstResponseMinutes { get; init; }

    /// <summary>False when the guild has no help channel (none chosen and none by default), so nothing is measured (not part of the schema-1 contract).</summary>
    [JsonIgnore]
    public bool HasHelpChannels { get; init; }

    /// <summary>
    /// The newest of the <see cref="UnansweredThreads"/>, at most <see cref="SupportSignalsQuery.MaxUnansweredListed"/>
    /// (not part of the schema-1 contract).
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<UnansweredHelpThread> UnansweredThreadList { get; init; } = [];
}
