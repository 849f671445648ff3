using DiscordAnalytics.Core.Backfill;
using DiscordAnalytics.Core.Backfill.GapRepair;
using DiscordAnalytics.Core.Demo;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static DiscordAnalytics.Tests.Backfill.BackfillWorld;

namespace DiscordAnalytics.Tests.Backfill.GapRepair;

/// <summary>How a gap repair run is laid out in a real store: its span, its channels, one per guild at a time.</summary>
public sealed class GapRepairRunsTests : IAsyncLifetime
{
    private const long Active = 101;
    private const long AlsoActive = 102;
    private readonly RecordingBackfillScheduler _scheduler = new();
    private readonly BackfillNotifier _notifier = new();
    private TempSqliteStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await TempSqliteStore.CreateMigratedAsync();
        await _store.WriteInBatchesAsync(
        [
            GuildCreated(),
            Message(Active, DaysAgo(3)),
            Message(AlsoActive, DaysAgo(200)),
        ], 10);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Start_AfterDowntime_SpansFromTheLastEventMinusTheMarginToNowOverTheChannelsWithActivity()
    {
        var runs = Runs(new BackfillOptions { GapRepairMargin = TimeSpan.FromMinutes(7) });

        var runId = await runs.StartAsync(Guild, DaysAgo(1), NowMs, default);

        var run = await RunAsync(runId!.Value);
        Assert.Equal(DaysAgo(1) - (7 * 60_000), run.CutoffAt);
        Assert.Equal(NowMs, run.RequestedAt);
        Assert.Equal(2, run.Days);
        Assert.Equal(BackfillRunKind.GapRepair, run.Kind);
        Assert.Equal(BackfillState.Queued, run.State);
        Assert.Equal($"{Active},{AlsoActive}", run.ChannelSelection);
        Assert.Equal([runId.Value], _scheduler.Enqueued);
    }

    [Fact]
    public async Task Start_GapLongerThanMaxDays_ReachesBackMaxDaysOnly()
    {
        var runId = await Runs(new BackfillOptions { MaxDays = 30 }).StartAsync(Guild, DaysAgo(100), NowMs, default);

        Assert.Equal(DaysAgo(30), (await RunAsync(runId!.Value)).CutoffAt);
    }

    [Fact]
    public async Task Start_WhileARepairIsActive_SupersedesItAndCoversItsSpanToo()
    {
        var runs = Runs(new BackfillOptions());
        var first = await runs.StartAsync(Guild, DaysAgo(2), DaysAgo(1), default);

        var second = await runs.StartAsync(Guild, DaysAgo(0.5), NowMs, default);

        var older = await RunAsync(first!.Value);
        var newer = await RunAsync(second!.Value);
        Assert.Equal(BackfillState.Cancelled, older.State);
        Assert.Equal(BackfillState.Queued, newer.State);
        Assert.Equal(older.CutoffAt, newer.CutoffAt);
        await using var db = _store.NewContext();
        Assert.Equal(1, await db.BackfillRuns.CountAsync(r => r.GuildId == (long)Guild && (r.State == BackfillState.Queued || r.State == BackfillState.Running)));
    }

    [Fact]
    public async Task Start_OwnersRunActive_LeavesItAloneAndTheOwnerPanelStillShowsIt()
    {
        await using var process = await BackfillProcess.StartAsync(_store, new DemoHistorySource(Options.Create(new DemoOptions()), Options.Create(new BackfillOptions()), TimeProvider.System), TimeProvider.System);
        var owner = await process.Service.StartAsync(Guild, 7, null, default);

        var gap = await Runs(new BackfillOptions()).StartAsync(Guild, DaysAgo(1), NowMs, default);

        Assert.Equal(BackfillState.Queued, (await RunAsync(owner.Status!.RunId)).State);
        Assert.Equal(BackfillState.Queued, (await RunAsync(gap!.Value)).State);
        Assert.Equal(owner.Status.RunId, (await process.Service.GetStatusAsync(Guild, default))!.RunId);
    }

    private GapRepairRuns Runs(BackfillOptions options) =>
        new(_store, _scheduler, new BackfillRegistry(TimeProvider.System), _notifier, Options.Create(options), NullLogger<GapRepairRuns>.Instance);

    private async Task<Core.Storage.Entities.BackfillRun> RunAsync(long runId)
    {
        await using var db = _store.NewContext();
        return await db.BackfillRuns.AsNoTracking().SingleAsync(r => r.RunId == runId);
    }

    private static IngestEvent Message(long channel, long at) => new()
    {
        Type = IngestEventType.MessageCreate, GuildId = Guild, EventAt = at, ChannelId = (ulong)channel, MessageId = IdAt(at), UserId = 7, Excerpt = "hi",
    };
}
