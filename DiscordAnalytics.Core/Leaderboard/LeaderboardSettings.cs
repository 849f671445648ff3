using DiscordAnalytics.Core.Analytics.Leaderboard;

namespace DiscordAnalytics.Core.Leaderboard;

/// <summary>
/// A guild's leaderboard settings (table <c>leaderboardSettings</c>, a row once something was changed; no row = the
/// defaults of <see cref="LeaderboardRules.Default"/> and no public link): what makes a streak day, the activity
/// score's weights, and the public link's hash.
/// </summary>
public sealed class LeaderboardSettings
{
    public long GuildId { get; set; }

    public bool StreakMessages { get; set; } = true;

    public bool StreakReactions { get; set; } = true;

    public bool StreakVoice { get; set; } = true;

    public double MessageWeight { get; set; } = LeaderboardRules.Default.MessageWeight;

    public double ReactionWeight { get; set; } = LeaderboardRules.Default.ReactionWeight;

    public double ThreadWeight { get; set; } = LeaderboardRules.Default.ThreadWeight;

    public double VoiceMinuteWeight { get; set; } = LeaderboardRules.Default.VoiceMinuteWeight;

    /// <summary>
    /// SHA-256 (lowercase hex) of the public page's token; null while the page is off. Only the hash is kept, so the
    /// store never holds a working link: the token is shown once, when it is made.
    /// </summary>
    public string? PublicLinkHash { get; set; }

    /// <summary>When the current public link was made, unix ms; null while the page is off.</summary>
    public long? PublicLinkCreatedAt { get; set; }

    public LeaderboardRules Rules => new(StreakMessages, StreakReactions, StreakVoice, MessageWeight, ReactionWeight, ThreadWeight, VoiceMinuteWeight);
}
