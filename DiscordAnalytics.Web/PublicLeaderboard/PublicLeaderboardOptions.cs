namespace DiscordAnalytics.Web.PublicLeaderboard;

/// <summary>The public leaderboard page's limits (section <c>PublicLeaderboard</c>), checked at start.</summary>
public sealed class PublicLeaderboardOptions
{
    public const string Section = "PublicLeaderboard";

    /// <summary>
    /// Requests one client (an IPv4 address or an IPv6 /64) may make to public pages in a minute; past it the answer is
    /// 429 with Retry-After. Default 30, allowed 1 to 6,000.
    /// </summary>
    public int RequestsPerMinute { get; set; } = 30;

    /// <summary>
    /// How long a guild's public leaderboard is reused before it is computed again (seconds). Default 60, allowed 0
    /// (every request computes it) to 3,600. Turning the page off or making a new link takes effect at once regardless.
    /// </summary>
    public int CacheSeconds { get; set; } = 60;

    /// <summary>How many places the page shows. Default 25, allowed 1 to 100.</summary>
    public int Top { get; set; } = 25;
}
