namespace DiscordAnalytics.Core.Storage;

/// <summary>
/// The message ids a range of days can hold. A message id is its creation time (a snowflake), so facts of
/// a window are a range of the table's key, and ingestion pays for no day index on every insert. Shared by the
/// writer (a member's first post) and the queries (windows), so it lives with the store's layout.
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
        unixMs <= DiscordEpochMs ? 0 : (unixMs - DiscordEpochMs) << TimestampShift;

    /// <summary>When the message with this id was created (epoch ms): the id's timestamp bits.</summary>
    public static long CreatedAt(long messageId) => (messageId >> TimestampShift) + DiscordEpochMs;

    // A snowflake is (ms since Discord's epoch) << 22, as Discord.Snowflake says; restated here so the store's
    // layout depends on no layer above it.
    private const long DiscordEpochMs = 1_420_070_400_000;
    private const int TimestampShift = 22;
}
