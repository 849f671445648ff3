namespace DiscordAnalytics.Core.Discord.Rest;

/// <summary>The state of one rate-limit bucket (bucket hash + top-level resource). Requests in a bucket run one at a time.</summary>
internal sealed class RestBucket
{
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Requests left before <see cref="ResetAt"/>; null until Discord told us.</summary>
    public int? Remaining { get; set; }

    public DateTimeOffset ResetAt { get; set; }
}
