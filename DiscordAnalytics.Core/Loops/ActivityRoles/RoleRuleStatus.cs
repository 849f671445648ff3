using System.Text.Json.Serialization;

namespace DiscordAnalytics.Core.Loops.ActivityRoles;

/// <summary>How a rule's last apply went (<c>roleRules.status</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RoleRuleStatus>))]
public enum RoleRuleStatus
{
    /// <summary>Never applied since it was saved.</summary>
    [JsonStringEnumMemberName("new")]
    New,

    /// <summary>The last apply made every change it planned.</summary>
    [JsonStringEnumMemberName("ok")]
    Ok,

    /// <summary>Discord could not be reached or failed; the next run tries again.</summary>
    [JsonStringEnumMemberName("failing")]
    Failing,

    /// <summary>
    /// Discord refused for good (403: no Manage Roles, or the role is above the bot's highest role; 404: the role is
    /// gone). The rule was switched off and stays off until the owner switches it on again.
    /// </summary>
    [JsonStringEnumMemberName("paused")]
    Paused,
}
