namespace DiscordAnalytics.Core.Privacy;

/// <summary>A member the Settings page offers to pick by name.</summary>
public sealed record KnownMember(string UserId, string DisplayName);
