using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// The message ids a range of days can hold. A message id is its creation time (a snowflake), so facts of
/// a window are a range of the table's key, and ingestion pays for no day index on every insert.
/// </summary>
public static class MessageIdRange
{
    /// <summary>
    /// Ids of messages created from a day before <paramref name="startDay"/> to a day after
    /// <paramref name="endDay"/> (exclusive). A message fact's day comes from its create event's timestamp,
    /// which Discord derives from the id; the margin keeps a source whose clock is off by hours correct.
    /// Callers keep their day filter.
    /// </summary>
    public static (long First, long End) AroundDays(int startDay, int endDay) =>
        (FirstIdAt(DayBucket.StartMs(startDay - 1)), FirstIdAt(DayBucket.StartMs(endDay + 1)));

    /// <summary>The smallest message id created at or after <paramref name="unixMs"/>.</summary>
    public static long FirstIdAt(long unixMs) =>
        unixMs <= Snowflake.DiscordEpochMs ? 0 : (long)Snowflake.FromUnixMs(unixMs);
}
