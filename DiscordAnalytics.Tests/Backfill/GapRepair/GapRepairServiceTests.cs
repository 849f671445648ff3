using DiscordAnalytics.Core.Backfill;
using DiscordAnalytics.Core.Backfill.GapRepair;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Discord.Rest;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Backfill.BackfillWorld;

namespace DiscordAnalytics.Tests.Backfill.GapRepair;

/// <summary>Which "last stored event" a fresh session is measured against, over a real store file.</summary>
public sealed class GapRepairServiceTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(Now);
    private readonly RecordingBackfillScheduler _scheduler = new();
    private TempSqliteStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await TempSqliteStore.CreateMigratedAsync();
        // What the stopped process left: a message three hours before now.
        await _store.WriteInBatchesAsync([GuildCreated(), Message(NowMs - (3 * 3_600_000))], 10);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task FirstSession_AfterThisProcessAlreadyStoredSomething_IsMeasuredAgainstTheStoreAtStart()
    {
        var service = Service();
        await service.StartAsync(default);
        // Something this process stores before READY (a resumed backfill's page) is stamped just now.
        await _store.WriteInBatchesAsync([Message(NowMs - 1_000)], 10);

        await service.OnFreshSessionAsync(new FreshSession([Guild], IsFirstOfProcess: true, NowMs), default);

        var run = Assert.Single(await GapRunsAsync());
        Assert.Equal(NowMs - (3 * 3_600_000) - (5 * 60_000), run.CutoffAt);
        Assert.Equal([run.RunId], _scheduler.Enqueued);
    }

    [Fact]
    public async Task LaterSession_IsMeasuredAgainstTheStoreAsItBegins()
    {
        var service = Service();
        await service.StartAsync(default);
        await _store.WriteInBatchesAsync([Message(NowMs - 60_000)], 10);

        await service.OnFreshSessionAsync(new FreshSession([Guild], IsFirstOfProcess: false, NowMs), default);

        Assert.Empty(await GapRunsAsync());
        Assert.Empty(_scheduler.Enqueued);
    }

    [Fact]
    public async Task Session_GuildWithNothingStored_StartsNoRepair()
    {
        var service = Service();
        await service.StartAsync(default);

        await service.OnFreshSessionAsync(new FreshSession([Guild + 1], IsFirstOfProcess: true, NowMs), default);

        Assert.Empty(await GapRunsAsync());
    }

    [Fact]
    public async Task Start_PostgresServerNotAnswering_StartsAndReadsTheStoreAgainAtTheSession()
    {
        // A loopback port nobody listens on: Npgsql's connection is refused, as when the server is down at start.
        var unreachable = new StoreContextFactory(TestPostgres.StoreOnPostgres("Host=127.0.0.1;Port=9;Username=postgres;Database=none;Timeout=3"));
        var service = Service(unreachable);

        await service.StartAsync(default);

        // What could not be read at start is read again when a session begins (and fails the same way while the server is down).
        var later = await Assert.ThrowsAnyAsync<Exception>(() => service.OnFreshSessionAsync(new FreshSession([Guild], IsFirstOfProcess: true, NowMs), default));
        Assert.Equal("store server unreachable", StoreFailure.ReasonOf(StoreFailure.ProviderExceptionOf(later)!));
    }

    private GapRepairService Service(IDbContextFactory<AnalyticsDbContext> contexts)
    {
        var options = Options.Create(new BackfillOptions());
        var source = new RestHistorySource(new DiscordRestClient(
            new HttpClient(), Options.Create(new DiscordOptions { Token = "unused", ApiBaseUrl = "http://127.0.0.1:9/api/v10" }), _time, NullLogger<DiscordRestClient>.Instance));
        var runs = new GapRepairRuns(contexts, _scheduler, new BackfillRegistry(_time), new BackfillNotifier(), options, NullLogger<GapRepairRuns>.Instance);
        return new GapRepairService(contexts, new LastEventAtReader(contexts), [source], runs, options, _time, NullLogger<GapRepairService>.Instance);
    }

    private GapRepairService Service() => Service(_store);

    private async Task<List<Core.Storage.Entities.BackfillRun>> GapRunsAsync()
    {
        await using var db = _store.NewContext();
        return await db.BackfillRuns.AsNoTracking().Where(r => r.Kind == BackfillRunKind.GapRepair).ToListAsync();
    }

    private static IngestEvent Message(long at) => new()
    {
        Type = IngestEventType.MessageCreate, GuildId = Guild, EventAt = at, ChannelId = 101, MessageId = IdAt(at), UserId = 7, Excerpt = "hi",
    };
}
