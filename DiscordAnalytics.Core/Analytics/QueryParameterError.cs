namespace DiscordAnalytics.Core.Analytics;

/// <summary>A rejected query parameter: which one and why (becomes a 400 problem+json naming it).</summary>
public sealed record QueryParameterError(string Parameter, string Reason);
