namespace DiscordAnalytics.Core.Discord.Rest;

/// <summary>The answer of <c>GET /users/@me</c> (the parts we use).</summary>
public sealed record DiscordCurrentUser(ulong Id, string Username, bool IsBot);
