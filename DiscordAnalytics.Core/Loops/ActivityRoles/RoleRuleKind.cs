using System.Text.Json.Serialization;

namespace DiscordAnalytics.Core.Loops.ActivityRoles;

/// <summary>
/// What a role rule counts (<c>roleRules.kind</c>, and the word in the HTTP body). The kind is the rule's discriminator:
/// each has its own qualifier in <see cref="RoleRulePlanner"/>, and the rule's threshold and days mean what the kind says
/// (a count over the last days, a streak length, or a number of top places).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<RoleRuleKind>))]
public enum RoleRuleKind
{
    /// <summary>Messages sent in the last <see cref="RoleRule.Days"/> days.</summary>
    [JsonStringEnumMemberName("messages")]
    Messages,

    /// <summary>Reactions added in the last days.</summary>
    [JsonStringEnumMemberName("reactions")]
    Reactions,

    /// <summary>Messages + reactions + whole voice minutes in the last days.</summary>
    [JsonStringEnumMemberName("activity")]
    Activity,

    /// <summary>Whole minutes in voice (AFK channel excluded) in the last days.</summary>
    [JsonStringEnumMemberName("voiceMinutes")]
    VoiceMinutes,

    /// <summary>A current daily streak (as the leaderboard counts it) of at least <see cref="RoleRule.Threshold"/> days; the rule's days are not used.</summary>
    [JsonStringEnumMemberName("streak")]
    Streak,

    /// <summary>The top <see cref="RoleRule.Threshold"/> places of the leaderboard by activity score over the last days.</summary>
    [JsonStringEnumMemberName("leaderboardTop")]
    LeaderboardTop,

    /// <summary>The top <see cref="RoleRule.Threshold"/> mentor candidates over the help threads and questions of the last days.</summary>
    [JsonStringEnumMemberName("mentor")]
    Mentor,
}
