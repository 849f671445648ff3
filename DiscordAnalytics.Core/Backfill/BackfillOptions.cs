using System.ComponentModel.DataAnnotations;

namespace DiscordAnalytics.Core.Backfill;

/// <summary>The <c>Backfill</c> configuration section: opt-in history import over REST.</summary>
public sealed class BackfillOptions
{
    public const string Section = "Backfill";

    /// <summary>The depths offered (days); a run asks for one of these up to <see cref="MaxDays"/>.</summary>
    public static readonly IReadOnlyList<int> Depths = [7, 14, 30, 90];

    /// <summary>Deepest history a run may ask for, in days. Default 90.</summary>
    [Range(1, 3650)]
    public int MaxDays { get; set; } = 90;

    /// <summary>
    /// Fetch who reacted (<c>GET .../reactions/{emoji}</c>, one request per emoji per 100 reactors) instead of
    /// taking the counts on the message objects. Exact members and unique reactors, many more requests. Default false.
    /// </summary>
    public bool ExactReactors { get; set; }

    /// <summary>Demo mode only: history requests per second the demo source answers, so progress is visible. Default 25; 0 = unpaced.</summary>
    [Range(0, 10_000)]
    public double DemoRequestsPerSecond { get; set; } = 25;

    /// <summary>The depths a run may choose with the current <see cref="MaxDays"/>.</summary>
    public IReadOnlyList<int> AllowedDepths => [.. Depths.Where(d => d <= MaxDays)];
}
