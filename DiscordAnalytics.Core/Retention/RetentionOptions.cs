using System.ComponentModel.DataAnnotations;

namespace DiscordAnalytics.Core.Retention;

/// <summary>The <c>Retention</c> configuration section.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Raw events older than this many days are pruned (a guild may override it). Default 90.</summary>
    [Range(RetentionLimits.MinDays, RetentionLimits.MaxDays)]
    public int RawEventDays { get; set; } = 90;

    /// <summary>
    /// Raw events deleted per transaction. Small, so the ingestion writer (which shares SQLite's one
    /// write lock) never waits long. Default 2,000.
    /// </summary>
    [Range(100, 100_000)]
    public int BatchSize { get; set; } = 2_000;
}
