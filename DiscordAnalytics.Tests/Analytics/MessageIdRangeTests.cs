using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Tests.Analytics;

public sealed class MessageIdRangeTests
{
    private const int Day = 20_400;

    [Fact]
    public void AroundDays_HoldsEveryMessageOfTheDaysAndOneDayEitherSide_AndNothingFurther()
    {
        var (first, end) = MessageIdRange.AroundDays(Day, Day + 7);

        bool Holds(long unixMs) => (long)Snowflake.FromUnixMs(unixMs) is var id && id >= first && id < end;
        Assert.True(Holds(DayBucket.StartMs(Day)));
        Assert.True(Holds(DayBucket.StartMs(Day + 7) - 1));
        Assert.True(Holds(DayBucket.StartMs(Day - 1)));
        Assert.True(Holds(DayBucket.StartMs(Day + 8) - 1));
        Assert.False(Holds(DayBucket.StartMs(Day - 1) - 1));
        Assert.False(Holds(DayBucket.StartMs(Day + 8)));
    }

    [Fact]
    public void FirstIdAt_BeforeDiscordsEpoch_IsZero()
    {
        Assert.Equal(0, MessageIdRange.FirstIdAt(Snowflake.DiscordEpochMs - 86_400_000));
        Assert.Equal(1L << 22, MessageIdRange.FirstIdAt(Snowflake.DiscordEpochMs + 1));
    }

    [Theory]
    [InlineData(1_420_070_400_001)]
    [InlineData(1_763_640_000_000)]
    [InlineData(1_795_176_000_123)]
    public void FirstIdAtAndCreatedAt_AgreeWithDiscordsSnowflake(long unixMs)
    {
        // Storage restates the snowflake layout (it may not use the Discord layer); this keeps the two equal.
        var id = MessageIdRange.FirstIdAt(unixMs);

        Assert.Equal((long)Snowflake.FromUnixMs(unixMs), id);
        Assert.Equal(Snowflake.ToUnixMs((ulong)id + 4_194_303), MessageIdRange.CreatedAt(id + 4_194_303));
        Assert.Equal(unixMs, MessageIdRange.CreatedAt(id));
    }
}
