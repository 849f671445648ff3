using DiscordAnalytics.Core.Demo;
using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Tests.Demo;

public sealed class DemoRealTimeActivityTests
{
    private static readonly long Start = DemoHistoryFixture.To + 20 * DemoRhythm.HourMs + 123;

    [Fact]
    public void Advance_UnevenStepsAcrossMidnight_WritesExactlyTheHistoryOfThatPeriod()
    {
        var community = DemoCommunity.Create(42);
        var live = new DemoRealTimeActivity(community, Start);
        var end = Start + DemoRhythm.DayMs + 7 * DemoRhythm.HourMs;
        var random = new Random(3);

        var written = new List<IngestEvent>();
        for (var now = Start; now < end; now += random.Next(1_000, 20 * 60_000))
        {
            written.AddRange(live.Advance(now));
        }

        written.AddRange(live.Advance(end - 1));
        var expected = community.Activity(Start, end).ToList();
        Assert.Equal(expected.Count, written.Count);
        Assert.Equal(expected.Select(Key), written.Select(Key));
        Assert.Equal(written.Count, live.Emitted);
    }

    [Fact]
    public void Advance_NeverWritesAnEventBeforeItsTime()
    {
        var live = new DemoRealTimeActivity(DemoCommunity.Create(42), Start);

        for (var now = Start; now < Start + 3 * DemoRhythm.HourMs; now += 37_000)
        {
            Assert.All(live.Advance(now), e => Assert.True(e.EventAt <= now, $"{e.Type} at {e.EventAt} written at {now}"));
        }
    }

    [Fact]
    public void Advance_ADay_HasTheVolumeOfAGeneratedDay_NotOfTheSpedUpStream()
    {
        var community = DemoCommunity.Create(42);
        var live = new DemoRealTimeActivity(community, Start);

        var day = live.Advance(Start + DemoRhythm.DayMs - 1);

        // A generated day holds ~3,200 events (1,100-2,500 messages); the sped-up default of 3/s would write ~260,000.
        Assert.InRange(day.Count, 1_500, 6_000);
        Assert.Empty(live.Advance(Start - 1));
    }

    [Fact]
    public void Advance_BeforeItsStart_WritesNothing()
    {
        var live = new DemoRealTimeActivity(DemoCommunity.Create(42), Start);

        Assert.Empty(live.Advance(Start - 60_000));
        Assert.Equal(0, live.Emitted);
    }

    private static string Key(IngestEvent e) => $"{e.Type}:{e.EventAt}:{e.MessageId}:{e.UserId}:{e.Emoji}";
}
