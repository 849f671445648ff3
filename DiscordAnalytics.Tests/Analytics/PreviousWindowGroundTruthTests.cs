using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Roles;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Tests.Ingestion;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Analytics;

/// <summary>
/// The previous window of a comparison is cut to the current window's elapsed time. A random stream (duplicates,
/// late and out-of-order deletes and reactions, churn, bots, joins and leaves) goes into a real SQLite file; the
/// previous totals must equal a brute-force count of the stream over exactly the cut span.
/// </summary>
public abstract class PreviousWindowGroundTruthTests(StoreProvider provider)
{
    // Neither a whole hour nor a quarter hour: the cut falls inside one.
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 13, 41, 7, TimeSpan.Zero);

    private static long NowMs => Now.ToUnixTimeMilliseconds();

    [Theory]
    [InlineData(4, 7)]
    [InlineData(5, 14)]
    public async Task RunPreviousAsync_WindowEndingToday_EqualsBruteForceOverTheCutSpan(int seed, int days)
    {
        var events = RandomEventStream.Generate(seed, activity: 4_000, endAt: NowMs, days: 40);
        await using var store = await IngestedAsync(events);
        var query = Query(AnalyticsWindow.Last(days, DayBucket.FromUnixMs(NowMs)));

        var previous = await Totals(store).RunPreviousAsync(query, CancellationToken.None);

        var shift = days * DayBucket.MillisecondsPerDay;
        Assert.Equal(new PreviousWindow(query.Window.StartAt - shift, NowMs - shift, HasEarlierData: true), previous.Window);
        var truth = new GroundTruth(events);
        var (start, end) = (previous.Window.StartAt, previous.Window.EndAt);
        Assert.Equal(truth.TotalsBetween(start, end) with { Leaves = truth.LeavesCut(start, end) }, previous.Totals);
        // The cut matters: counting the previous window's last day whole gives other numbers.
        Assert.NotEqual(truth.TotalsBetween(previous.Window.StartAt, query.Window.StartAt), previous.Totals);
    }

    [Fact]
    public async Task RunPreviousAsync_WindowThatIsOver_ComparesWholeDays()
    {
        var events = RandomEventStream.Generate(seed: 6, activity: 3_000, endAt: NowMs, days: 40);
        await using var store = await IngestedAsync(events);
        var today = DayBucket.ToDate(DayBucket.FromUnixMs(NowMs));
        var query = Query(AnalyticsWindow.Between(today.AddDays(-10), today.AddDays(-4)));

        var previous = await Totals(store).RunPreviousAsync(query, CancellationToken.None);

        Assert.Equal(new PreviousWindow(query.Window.StartAt - 7 * DayBucket.MillisecondsPerDay, query.Window.StartAt, true), previous.Window);
        Assert.Equal(new GroundTruth(events).TotalsBetween(previous.Window.StartAt, previous.Window.EndAt), previous.Totals);
        Assert.Equal("7 days", previous.Span.Span);
    }

    [Fact]
    public async Task RunPreviousAsync_PreviousWindowStartsBeforeTheFirstStoredEvent_HasNoEarlierData()
    {
        var events = RandomEventStream.Generate(seed: 7, activity: 2_000, endAt: NowMs, days: 40);
        await using var store = await IngestedAsync(events);

        // 30 days back from a 30-day window reaches 59 days before today; the stream holds 40.
        var previous = await Totals(store).RunPreviousAsync(Query(AnalyticsWindow.Last(30, DayBucket.FromUnixMs(NowMs))), CancellationToken.None);

        Assert.False(previous.Window.HasEarlierData);
        Assert.True(new GroundTruth(events).FirstAt() > previous.Window.StartAt);
    }

    private static AnalyticsQuery Query(AnalyticsWindow window) =>
        new(RandomEventStream.GuildId, window, AnalyticsQuery.DefaultTop, IncludeBots: false);

    private static TotalsQuery Totals(TempSqliteStore store) => new(store, TestChannelDays.Over(store), TestMemberDays.Over(store), new FakeTimeProvider(Now), new RoleHolders(store), new HoldersGrowth(store, new RoleHolders(store)));

    private async Task<TempSqliteStore> IngestedAsync(IReadOnlyList<IngestEvent> events)
    {
        var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        await using var writer = new IngestionBatchWriter(store.Storage, GuildMode.Live, NullLogger.Instance);
        await writer.WriteAsync(events, CancellationToken.None);
        return store;
    }

    public sealed class OnSqlite() : PreviousWindowGroundTruthTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : PreviousWindowGroundTruthTests(StoreProvider.Postgres);
}
