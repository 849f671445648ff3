namespace DiscordAnalytics.Core.Discord.Rest;

/// <summary>Tunables of <see cref="DiscordRestClient"/>; defaults follow Discord's documented limits.</summary>
public sealed class DiscordRestOptions
{
    /// <summary>Attempts per request across 429s and 5xx answers before giving up. Default 5.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First wait after a 5xx answer; doubles per attempt. Default 1 s.</summary>
    public TimeSpan ServerErrorBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The global request limit per bot. Default 50 per second.</summary>
    public int GlobalRequestsPerSecond { get; set; } = 50;

    /// <summary>
    /// The clamp on every wait Discord asks for (a 429's <c>retry_after</c> or <c>Retry-After</c>, a bucket's
    /// <c>X-RateLimit-Reset-After</c>). Discord's real waits are seconds; a longer one is waited only up to this,
    /// and the request that got it fails instead of being retried. Default 60 s.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long one request may take, answer included, before it is given up as unanswered (a read that waits on it,
    /// like the invites list, then says Discord did not answer in time). Default 30 s.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The User-Agent Discord requires: <c>DiscordBot ($url, $version)</c>.</summary>
    public string UserAgent { get; set; } = "DiscordBot (https://github.com/discord-analytics/discord-analytics, 1.0)";
}
