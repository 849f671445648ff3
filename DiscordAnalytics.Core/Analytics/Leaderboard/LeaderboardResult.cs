namespace DiscordAnalytics.Core.Analytics.Leaderboard;

/// <summary>A guild's leaderboard for a window: what it is ranked by, the rules in force, and the places, best first.</summary>
public sealed record LeaderboardResult(LeaderboardRanking By, LeaderboardRules Rules, IReadOnlyList<LeaderboardEntry> Entries);
