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
}
