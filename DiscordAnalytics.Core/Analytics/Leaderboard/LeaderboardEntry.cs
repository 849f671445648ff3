namespace DiscordAnalytics.Core.Analytics.Leaderboard;

/// <summary>
/// One place of the leaderboard. A hidden member keeps their place and numbers but is never named:
/// <see cref="UserId"/> and <see cref="Name"/> are null and <see cref="Hidden"/> is true.
/// </summary>
/// <param name="Rank">1 for the first; ties are broken (see docs/how-it-counts.md), so every rank is one member.</param>
/// <param name="Score">The number ranked by: the activity score, messages, reactions or the current streak.</param>
public sealed record LeaderboardEntry(
    int Rank,
    string? UserId,
    string? Name,
    bool Hidden,
    double Score,
    long Messages,
    long Reactions,
    long Threads,
    long VoiceMinutes,
    int CurrentStreak,
    int LongestStreak);
