namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>
/// How many times the ingestion writer changed one guild's member rollups of one UTC day (a row per guild and day,
/// absent until the first change). The in-memory member days (<see cref="Analytics.MemberDays.MemberDayIndex"/>) keep
/// the version each day was read at: a day whose stored version moved on (a late event, an edit, a delete, a forget)
/// is read again, every other day is reused as it is.
/// </summary>
public sealed class MemberDayVersion
{
    public long GuildId { get; set; }

    /// <summary>The UTC day (<see cref="DayBucket"/>).</summary>
    public int Day { get; set; }

    /// <summary>Raised by one in the writer's transaction for each batch that changed the day's member rollups.</summary>
    public long Version { get; set; }
}
