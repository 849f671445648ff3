using System.Globalization;

namespace DiscordAnalytics.Core.Analytics.Leaderboard;

/// <summary>
/// What a guild's leaderboard counts: which activity makes a streak day, and the activity score's weights
/// (score = messages x <see cref="MessageWeight"/> + reactions x <see cref="ReactionWeight"/> + threads x
/// <see cref="ThreadWeight"/> + voice minutes x <see cref="VoiceMinuteWeight"/>).
/// </summary>
public sealed record LeaderboardRules(
    bool StreakMessages,
    bool StreakReactions,
    bool StreakVoice,
    double MessageWeight,
    double ReactionWeight,
    double ThreadWeight,
    double VoiceMinuteWeight)
{
    /// <summary>The largest weight accepted: enough to make any kind dominate, small enough that scores stay readable.</summary>
    public const double MaxWeight = 1_000;

    /// <summary>
    /// Every kind makes a streak day; a message and a reaction count one point each (the Top members card's activity),
    /// starting a thread three (it opens a conversation), ten minutes in voice one (a short call is worth a message).
    /// </summary>
    public static LeaderboardRules Default { get; } = new(true, true, true, 1, 1, 3, 0.1);

    /// <summary>Why these rules cannot be saved (naming the field), or null when they can.</summary>
    public (string Field, string Reason)? Problem()
    {
        if (!StreakMessages && !StreakReactions && !StreakVoice)
        {
            return ("streak", "at least one of messages, reactions and voice must make a streak day.");
        }

        foreach (var (field, weight) in new[]
        {
            ("messageWeight", MessageWeight), ("reactionWeight", ReactionWeight), ("threadWeight", ThreadWeight), ("voiceMinuteWeight", VoiceMinuteWeight),
        })
        {
            if (!double.IsFinite(weight) || weight < 0 || weight > MaxWeight)
            {
                return (field, string.Create(CultureInfo.InvariantCulture, $"{field} must be a number from 0 to {MaxWeight}."));
            }
        }

        return null;
    }
}
