namespace DiscordAnalytics.Web.Metrics;

/// <summary>The <c>Metrics</c> configuration section: <c>/metrics</c> in Prometheus text format (docs/metrics.md).</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>The shortest bearer token accepted, as for <c>Auth:ApiKey</c>: it is checked without any throttle.</summary>
    public const int MinimumTokenLength = 32;

    /// <summary>Whether <c>/metrics</c> is served. Default false: the path answers 404.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Empty (default): <c>/metrics</c> answers requests from this machine only (loopback, not through a proxy).
    /// Set: every scrape must send <c>Authorization: Bearer &lt;token&gt;</c>, from anywhere. A token of its own rather
    /// than <c>Auth:ApiKey</c>: a scraper's configuration then holds a key that reads numbers and opens nothing else.
    /// A secret: environment variables or user-secrets, never a committed file.
    /// </summary>
    public string BearerToken { get; set; } = string.Empty;

    public bool HasToken => BearerToken.Length > 0;

    /// <summary>Empty or at least <see cref="MinimumTokenLength"/> characters.</summary>
    public bool HasAcceptableToken => BearerToken.Length is 0 or >= MinimumTokenLength;
}
