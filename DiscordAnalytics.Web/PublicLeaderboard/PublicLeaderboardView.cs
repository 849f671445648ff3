using DiscordAnalytics.Core.Analytics.Leaderboard;

namespace DiscordAnalytics.Web.PublicLeaderboard;

/// <summary>What the public page shows: the guild's name, the window, and places of members who may be named.</summary>
public sealed record PublicLeaderboardView(string GuildName, DateOnly FirstDate, DateOnly LastDate, IReadOnlyList<LeaderboardEntry> Entries);
