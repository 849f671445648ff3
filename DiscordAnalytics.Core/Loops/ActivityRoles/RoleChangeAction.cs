using System.Text.Json.Serialization;

namespace DiscordAnalytics.Core.Loops.ActivityRoles;

[JsonConverter(typeof(JsonStringEnumConverter<RoleChangeAction>))]
public enum RoleChangeAction
{
    /// <summary>The role was (to be) added.</summary>
    [JsonStringEnumMemberName("add")]
    Add,

    /// <summary>The role was (to be) removed.</summary>
    [JsonStringEnumMemberName("remove")]
    Remove,
}
