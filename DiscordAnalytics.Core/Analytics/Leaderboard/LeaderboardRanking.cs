namespace DiscordAnalytics.Core.Analytics.Leaderboard;

/// <summary>What the leaderboard is ranked by (<c>by=</c> of the API).</summary>
public enum LeaderboardRanking
{
    /// <summary>The weighted activity score (<see cref="LeaderboardRules"/>).</summary>
    Activity,

    Messages,

    Reactions,

    /// <summary>The current streak, then the longest.</summary>
    Streak,
}
