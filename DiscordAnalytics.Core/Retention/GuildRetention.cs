namespace DiscordAnalytics.Core.Retention;

/// <summary>A guild's own raw-event retention, set on the Settings page; absent = Retention:RawEventDays.</summary>
public sealed class GuildRetention
{
    public long GuildId { get; set; }

    public int RawEventDays { get; set; }
}
