using System.Text.Json.Serialization;

namespace DiscordAnalytics.Core.Loops.ActivityRoles;

/// <summary>
/// What a role rule counts (<c>roleRules.kind</c>, and the word in the HTTP body). The kind is the rule's discriminator:
/// the next kinds ("streak" &gt;= K days, "leaderboardTop" X, "mentor") become new values here with their own
/// qualifier in <see cref="RoleRulePlanner"/>; the rule's threshold and days keep their meaning per kind.
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
}
