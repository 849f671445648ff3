namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>
/// How many times the ingestion writer changed one guild's channel rollups, quarter-hour counts or top-content rows of one
/// UTC day (a row per guild and day, absent until the first change). The in-memory channel days
/// (<see cref="Analytics.ChannelDays.ChannelDayIndex"/>) keep the version each day was read at: a day whose stored version
/// moved on (a new or late event, an edit, a delete, a forget) is read again, every other day is reused as it is.
/// </summary>
public sealed class ChannelDayVersion
{
    public long GuildId { get; set; }

    /// <summary>The UTC day (<see cref="DayBucket"/>).</summary>
    public int Day { get; set; }

    /// <summary>Raised by one in the writer's transaction for each batch that changed the day's channel rollups.</summary>
    public long Version { get; set; }
}
