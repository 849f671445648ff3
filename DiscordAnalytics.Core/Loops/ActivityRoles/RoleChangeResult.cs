using System.Text.Json.Serialization;

namespace DiscordAnalytics.Core.Loops.ActivityRoles;

[JsonConverter(typeof(JsonStringEnumConverter<RoleChangeResult>))]
public enum RoleChangeResult
{
    /// <summary>Discord made the change.</summary>
    [JsonStringEnumMemberName("applied")]
    Applied,

    /// <summary>The demo community made it (no Discord, no network).</summary>
    [JsonStringEnumMemberName("simulated")]
    Simulated,

    /// <summary>The member already held the role (given by hand): nothing changed and the app will never remove it.</summary>
    [JsonStringEnumMemberName("alreadyHeld")]
    AlreadyHeld,

    /// <summary>Discord refused or failed; the message says why.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,
}
