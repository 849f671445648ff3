using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Tests.Storage;

/// <summary>The stored layout of a channel-day's quarter-hour counts: 96 little-endian int32 in order.</summary>
public sealed class QuarterHourCountsTests
{
    [Theory]
    [InlineData("2026-11-20T00:00:00Z", 0)]
    [InlineData("2026-11-20T00:14:59.999Z", 0)]
    [InlineData("2026-11-20T00:15:00Z", 1)]
    [InlineData("2026-11-20T05:45:00Z", 23)]
    [InlineData("2026-11-20T23:59:59.999Z", 95)]
    public void IndexOf_IsTheQuarterHourOfTheUtcDay(string instant, int expected)
    {
        var at = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();

        Assert.Equal(expected, QuarterHourCounts.IndexOf(at));
        Assert.Equal(at - at % QuarterHourCounts.QuarterHourMs, QuarterHourCounts.StartMs(DayBucket.FromUnixMs(at), expected));
    }

    [Fact]
    public void WriteThenAddTo_RoundTripsEveryQuarterHour()
    {
        var counts = Enumerable.Range(0, QuarterHourCounts.PerDay).Select(q => q * 1_000L + (q == 95 ? int.MaxValue - 95_000 : 0)).ToArray();
        var stored = new byte[QuarterHourCounts.StoredLength];

        QuarterHourCounts.Write(counts, stored);
        var read = new long[QuarterHourCounts.PerDay];
        read[3] = 5;
        QuarterHourCounts.AddTo(stored, read);

        Assert.Equal([0xA0, 0x0F, 0x00, 0x00], stored[16..20]); // quarter 4: 4,000 = 0x0FA0, little-endian
        Assert.Equal(counts.Select((c, q) => q == 3 ? c + 5 : c), read);
    }

    [Fact]
    public void AddTo_ShorterValue_AddsZerosForTheRest()
    {
        var read = new long[QuarterHourCounts.PerDay];

        QuarterHourCounts.AddTo([7, 0, 0, 0, 9, 0], read);

        Assert.Equal(7, read[0]);
        Assert.All(read[1..], c => Assert.Equal(0, c));
    }

    [Fact]
    public void Write_CountBeyondInt32_Throws()
    {
        var counts = new long[QuarterHourCounts.PerDay];
        counts[10] = (long)int.MaxValue + 1;

        Assert.Throws<OverflowException>(() => QuarterHourCounts.Write(counts, new byte[QuarterHourCounts.StoredLength]));
    }
}
