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

    /// <summary>
    /// Channels (and threads) of one run paged at the same time. Each channel has its own rate-limit bucket at
    /// Discord (5 requests/s), so paging several at once is what lets a run reach the global limit (50/s); the REST
    /// client keeps every bucket and the global limit. Ten channels would just reach it if every page were
    /// answered and stored at once; more keep it reached while pages are stored and while the last channels of a
    /// run finish (a run with fewer channels left than that cannot use the whole limit). Default 32.
    /// </summary>
    [Range(1, 64)]
    public int MaxConcurrentChannels { get; set; } = 32;

    /// <summary>Demo mode only: history requests per second the demo source answers, so progress is visible. Default 25; 0 = unpaced.</summary>
    [Range(0, 10_000)]
    public double DemoRequestsPerSecond { get; set; } = 25;

    /// <summary>
    /// Repair downtime: when the gateway starts a new session (the app started, or Discord refused to resume) and a
    /// guild's last stored event is older than <see cref="GapRepairAfter"/>, import the missing span over REST as a
    /// backfill run. Needs a bot token (REST history); demo mode fills its own gap. Default true.
    /// </summary>
    public bool GapRepair { get; set; } = true;

    /// <summary>How old a guild's last stored event must be, at a new session, for a gap repair. Default 5 minutes; 0 = always.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan GapRepairAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A gap repair starts this long before the last stored event, so messages stamped a little before it (Discord's
    /// clock against ours, events not yet committed when the process stopped) are fetched too. Default 5 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan GapRepairMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The depths a run may choose with the current <see cref="MaxDays"/>.</summary>
    public IReadOnlyList<int> AllowedDepths => [.. Depths.Where(d => d <= MaxDays)];
}
