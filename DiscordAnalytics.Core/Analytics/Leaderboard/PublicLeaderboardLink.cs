namespace DiscordAnalytics.Core.Analytics.Leaderboard;

/// <summary>
/// A guild's public leaderboard link as Settings shows it: whether the page is on and since when, and the token only
/// right after it was made (<see cref="Token"/>; the store keeps its hash, never the token).
/// </summary>
public sealed record PublicLeaderboardLink(bool Enabled, long? CreatedAt, string? Token = null);
