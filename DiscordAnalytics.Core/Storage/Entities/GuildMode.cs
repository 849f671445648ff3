using System.Text.Json.Serialization;

namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>What feeds a guild (<c>guilds.mode</c>, and the API's <c>mode</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GuildMode>))]
public enum GuildMode
{
    /// <summary>A real Discord server, fed by the gateway.</summary>
    [JsonStringEnumMemberName("live")]
    Live,

    /// <summary>The simulated community.</summary>
    [JsonStringEnumMemberName("demo")]
    Demo,
}
