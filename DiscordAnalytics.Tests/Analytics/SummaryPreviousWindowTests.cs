using System.Text.Json;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Tests.Ingestion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Analytics;

/// <summary>
/// The summary API's previousTotals are the previous window cut to the current window's elapsed time, and
/// previousWindow says which span that is and whether the guild has data from its start on.
/// </summary>
public sealed class SummaryPreviousWindowTests
{
    private const ulong G = 930_000_000_000_000_001;
    private const ulong Channel = 931_000_000_000_000_001;
    private const ulong Ann = 932_000_000_000_000_001;

    // 10:30 UTC: a 7-day window has run 6 days + 10 h 30 min.
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Summary_SevenDayWindow_PreviousTotalsCutAtTheSameTimeOfDay()
    {
        await using var app = new AnalyticsAppFactory(time: new FakeTimeProvider(Now));
        await IngestAsync(app,
            TestEvents.Guild(G, "Cut Guild", At(40)),
            TestEvents.Channel(G, Channel, "general", At(40)),
            TestEvents.Message(G, Channel, Ann, At(20), 1, "history"),
            TestEvents.Message(G, Channel, Ann, At(7, 10), 1, "before the cut"),
            TestEvents.Message(G, Channel, Ann, At(7, 11), 1, "after the cut"),
            TestEvents.Join(G, Ann, "ann", At(7, 10, 29)),
            TestEvents.Leave(G, Ann, At(7, 10, 31)),
            TestEvents.Message(G, Channel, Ann, At(0, 9), 1, "today"));
        using var client = app.CreateApiClient();

        var summary = IngestionGroundTruthTests.Parse(await client.GetStringAsync($"/api/guilds/{G}/summary?window=7d"));

        var nowMs = Now.ToUnixTimeMilliseconds();
        Assert.Equal(nowMs - 7 * DayBucket.MillisecondsPerDay, summary.PreviousWindow!.EndAt);
        Assert.Equal(summary.Window.StartAt - 7 * DayBucket.MillisecondsPerDay, summary.PreviousWindow.StartAt);
        Assert.True(summary.PreviousWindow.HasEarlierData);
        Assert.Equal((1L, 1L, 0L), (summary.PreviousTotals.Messages, summary.PreviousTotals.Joins, summary.PreviousTotals.Leaves));
        Assert.Equal(1, summary.Totals.Messages);
    }

    [Fact]
    public async Task Summary_NinetyDaysOverSixtyDaysOfHistory_SaysNoEarlierData()
    {
        await using var app = new AnalyticsAppFactory(time: new FakeTimeProvider(Now));
        await IngestAsync(app,
            TestEvents.Guild(G, "Young Guild", At(60)),
            TestEvents.Channel(G, Channel, "general", At(60)),
            TestEvents.Message(G, Channel, Ann, At(60), 1, "first"),
            TestEvents.Message(G, Channel, Ann, At(1), 1, "recent"));
        using var client = app.CreateApiClient();

        var json = await client.GetStringAsync($"/api/guilds/{G}/summary?window=90d");

        using var document = JsonDocument.Parse(json);
        Assert.False(document.RootElement.GetProperty("previousWindow").GetProperty("hasEarlierData").GetBoolean());
    }

    private static long At(int daysAgo, int hour = 10, int minute = 0) =>
        DayBucket.StartMs(DayBucket.FromUnixMs(Now.ToUnixTimeMilliseconds()) - daysAgo) + (hour * 60L + minute) * 60_000;

    private static async Task IngestAsync(AnalyticsAppFactory app, params IngestEvent[] events)
    {
        var pipeline = app.Services.GetRequiredService<IngestionPipeline>();
        foreach (var e in events)
        {
            await pipeline.WriteAsync(e, CancellationToken.None);
        }

        await pipeline.FlushAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
    }
}
