namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>
/// Messages per channel, quarter hour and author kind (human or bot): what the heat map and the summary's
/// hourly numbers read. Quarter hours because every real UTC offset (+05:30, +05:45, -09:30) is a whole
/// number of them, so any guild time zone maps each bucket to exactly one local hour without raw events.
/// </summary>
public sealed class ChannelQuarterHourRollup
{
    /// <summary>Milliseconds per bucket: 15 minutes.</summary>
    public const long BucketMs = 900_000;

    public long GuildId { get; set; }

    /// <summary><c>createdAt / 900,000</c>: the quarter hour the message was created in (epoch based, UTC).</summary>
    public long Bucket { get; set; }

    /// <summary>The counted channel: thread messages count for their parent, as in the daily rollups.</summary>
    public long ChannelId { get; set; }

    public bool IsBot { get; set; }

    /// <summary>Present (created, not deleted) messages created in this quarter hour.</summary>
    public long MessageCount { get; set; }
}
