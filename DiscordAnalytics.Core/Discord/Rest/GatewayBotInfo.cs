namespace DiscordAnalytics.Core.Discord.Rest;

/// <summary>The answer of <c>GET /gateway/bot</c> (the parts we use).</summary>
/// <param name="Url">The gateway URL for fresh connections.</param>
/// <param name="Shards">Recommended shard count.</param>
/// <param name="SessionStartsRemaining">IDENTIFYs left in the current 24 h window, when reported.</param>
public sealed record GatewayBotInfo(string Url, int Shards, int? SessionStartsRemaining);
