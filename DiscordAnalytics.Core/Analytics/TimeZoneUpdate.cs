namespace DiscordAnalytics.Core.Analytics;

/// <summary>The outcome of <see cref="GuildTimeZone.SetAsync"/>.</summary>
public enum TimeZoneUpdate
{
    Saved,
    GuildNotFound,
    InvalidZone,
}
