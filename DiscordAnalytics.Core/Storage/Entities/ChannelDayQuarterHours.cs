namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>
/// Messages per channel, UTC day and author kind (human or bot), counted per quarter hour of that day: what the
/// heat map and the summary's hourly numbers read. Quarter hours because every real UTC offset (+05:30, +05:45,
/// -09:30) is a whole number of them, so any guild time zone maps each one to exactly one local hour without raw
/// events. One row per channel-day, not per quarter hour: ingestion then writes one row per channel and day instead
/// of one per quarter hour with messages (for the bench's history ~10,000 rows instead of ~300,000), and a
/// year's heat map reads a few thousand rows.
/// </summary>
public sealed class ChannelDayQuarterHours
{
    public long GuildId { get; set; }

    /// <summary>The UTC day (<see cref="DayBucket"/>) the messages were created on.</summary>
    public int Day { get; set; }

    /// <summary>The counted channel: thread messages count for their parent, as in the daily rollups.</summary>
    public long ChannelId { get; set; }

    public bool IsBot { get; set; }

    /// <summary>Present (created, not deleted) messages per quarter hour of the day, as <see cref="QuarterHourCounts"/> stores them.</summary>
    public byte[] MessageCounts { get; set; } = [];
}
