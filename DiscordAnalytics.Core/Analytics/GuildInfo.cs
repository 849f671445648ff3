namespace DiscordAnalytics.Core.Analytics;

/// <summary>A guild as the switcher and <c>GET /api/guilds</c> list it.</summary>
public sealed record GuildInfo(string GuildId, string Name, string Mode, long? LastEventAt)
{
    /// <summary>The guild's display time zone (not in the /api/guilds contract).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string TimeZone { get; init; } = "UTC";
}
