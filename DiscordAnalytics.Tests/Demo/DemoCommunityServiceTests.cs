using DiscordAnalytics.Core.Demo;
using DiscordAnalytics.Core.Ingestion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Demo;

public sealed class DemoCommunityServiceTests
{
    private static readonly long Now = DemoHistoryFixture.To + 13 * DemoRhythm.HourMs;

    [Fact]
    public async Task ExecuteAsync_EmptyStore_WritesMetadataThenHistoryDaysUpToNow()
    {
        var (service, sink, status, _) = Create(lastEventAt: null, historyDays: 2, liveRate: 0);

        await RunToEndAsync(service);
        var events = sink.Snapshot();
        var activity = events.Where(e => e.Type is not (IngestEventType.GuildUpsert or IngestEventType.ChannelUpsert or IngestEventType.MemberUpsert)).ToList();

        Assert.Equal(SourceState.Demo, status.State);
        Assert.Equal(IngestEventType.GuildUpsert, events[0].Type);
        Assert.Equal(activity.Min(e => e.EventAt) / DemoRhythm.DayMs, (Now - 2 * DemoRhythm.DayMs) / DemoRhythm.DayMs);
        Assert.All(activity, e => Assert.InRange(e.EventAt, Now - 2 * DemoRhythm.DayMs, Now - 1));
        Assert.True(activity.Max(e => e.EventAt) > Now - DemoRhythm.HourMs);
    }

    [Fact]
    public async Task ExecuteAsync_StoreHasEvents_WritesOnlyTheGapWithADayOfOverlap()
    {
        var lastEventAt = Now - 3 * DemoRhythm.HourMs;
        var (service, sink, _, _) = Create(lastEventAt, historyDays: 90, liveRate: 0);

        await RunToEndAsync(service);
        var activity = sink.Snapshot().Where(e => e.Type is IngestEventType.MessageCreate or IngestEventType.ReactionAdd).ToList();
        var expected = DemoCommunity.Create(42).Activity(lastEventAt - DemoRhythm.DayMs, Now).ToList();

        Assert.NotEmpty(activity);
        Assert.All(activity, e => Assert.InRange(e.EventAt, lastEventAt - DemoRhythm.DayMs, Now - 1));
        Assert.Equal(expected.Count(e => e.Type is IngestEventType.MessageCreate or IngestEventType.ReactionAdd), activity.Count);
    }

    [Fact]
    public async Task StopAsync_WhileLive_StopsWithoutThrowing()
    {
        var (service, sink, status, time) = Create(lastEventAt: Now - DemoRhythm.HourMs, historyDays: 90, liveRate: 3, speedUp: true);

        await service.StartAsync(CancellationToken.None);
        var historyWritten = await WaitUntilStableAsync(sink);
        for (var i = 0; i < 10; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await sink.WaitForCountAsync(historyWritten + 3 * (i + 1), TimeSpan.FromSeconds(5));
        }

        await service.StopAsync(CancellationToken.None);

        Assert.True(sink.Count >= historyWritten + 30);
        Assert.True(service.ExecuteTask!.IsCompletedSuccessfully);
        Assert.Equal(SourceState.Demo, status.State);
    }

    [Fact]
    public async Task ExecuteAsync_LiveAtTheHistoryPace_ContinuesTheHistoryExactlyFromWhereItStopped()
    {
        var (service, sink, status, time) = Create(lastEventAt: Now - DemoRhythm.HourMs, historyDays: 90, liveRate: 3);
        var community = DemoCommunity.Create(42);
        var historyExpected = community.History(Now - DemoRhythm.HourMs - DemoRhythm.DayMs, Now).Count();
        var liveExpected = community.Activity(Now, Now + 20 * 60_000 + 1).Count();

        await service.StartAsync(CancellationToken.None);
        await sink.WaitForCountAsync(historyExpected, TimeSpan.FromSeconds(20));
        // The live ticker's timer is made after the history's last event is written: moved on before it, the clock
        // left the timer's first tick 20 minutes ahead and no live event came (a loaded machine made that likely).
        await time.TimerMade.WaitAsync(TimeSpan.FromSeconds(20));
        for (var minute = 0; minute < 20; minute++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
        }

        await sink.WaitForCountAsync(historyExpected + liveExpected, TimeSpan.FromSeconds(10));
        await service.StopAsync(CancellationToken.None);

        var live = sink.Snapshot().Skip(historyExpected).ToList();
        Assert.Equal(liveExpected, live.Count);
        Assert.All(live, e => Assert.InRange(e.EventAt, Now, Now + 20 * 60_000));
        Assert.Equal("Demo community (no bot token configured)", status.Reason);
    }

    [Fact]
    public void AddDemoCommunity_ServiceCollection_RegistersTheHostedService()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOptions<DemoOptions>();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        services.AddSingleton<IIngestionSink>(new RecordingIngestionSink());
        services.AddSingleton<ILastEventAtReader>(new FixedLastEventAtReader(null));
        services.AddSingleton<SourceStatus>();

        services.AddDemoCommunity();
        using var provider = services.BuildServiceProvider();

        Assert.Contains(provider.GetServices<IHostedService>(), s => s is DemoCommunityService);
    }

    private static (DemoCommunityService Service, RecordingIngestionSink Sink, SourceStatus Status, TimerWatchingTimeProvider Time) Create(
        long? lastEventAt, int historyDays, double liveRate, bool speedUp = false)
    {
        var time = new TimerWatchingTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(Now));
        var sink = new RecordingIngestionSink();
        var status = new SourceStatus();
        var options = Options.Create(new DemoOptions { Seed = 42, HistoryDays = historyDays, LiveEventsPerSecond = liveRate, SpeedUp = speedUp });
        var service = new DemoCommunityService(options, sink, new FixedLastEventAtReader(lastEventAt), status, time, NullLogger<DemoCommunityService>.Instance);
        return (service, sink, status, time);
    }

    private static async Task RunToEndAsync(DemoCommunityService service)
    {
        await service.StartAsync(CancellationToken.None);
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(20));
    }

    private static async Task<int> WaitUntilStableAsync(RecordingIngestionSink sink)
    {
        var previous = -1;
        while (sink.Count != previous || previous == 0)
        {
            previous = sink.Count;
            await Task.Delay(200);
        }

        return previous;
    }
}
