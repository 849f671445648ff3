using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;
using DiscordAnalytics.Core.Analytics.Roles;

namespace DiscordAnalytics.Tests.Analytics;

/// <summary>Member growth (summary <c>memberGrowth</c>) over a real store written by the real writer.</summary>
public abstract class MemberGrowthQueryTests(StoreProvider provider) : IAsyncLifetime
{
    private const ulong G = 8_800;
    private static readonly DateOnly Monday = new(2026, 11, 16);
    private TempSqliteStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await TempSqliteStore.CreateFromTemplateAsync(provider);
        await _store.WriteAsync(
            Guild(G, "Growth", At(Monday.AddDays(-30))),
            // Previous week: 1 join, 2 leaves.
            Join(G, 1, "a", At(Monday.AddDays(-5), 9)),
            Leave(G, 2, At(Monday.AddDays(-4), 9)),
            Leave(G, 3, At(Monday.AddDays(-3), 9)),
            // This week: Monday 2 joins, Wednesday 1 join and 1 leave, Saturday 2 leaves; a bot joins on Monday.
            Join(G, 11, "b", At(Monday, 9)),
            Join(G, 12, "c", At(Monday, 10)),
            Join(G, 13, "d", At(Monday.AddDays(2), 9)),
            Leave(G, 11, At(Monday.AddDays(2), 18)),
            Leave(G, 4, At(Monday.AddDays(5), 9)),
            Leave(G, 5, At(Monday.AddDays(5), 10)),
            Join(G, 99, "bot", At(Monday, 11)) with { IsBot = true });
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Run_Week_DailyJoinsLeavesAndNetZeroFilled()
    {
        var growth = await RunAsync(includeBots: false);

        Assert.Equal(
            [(2L, 0L, 2L), (0, 0, 0), (1, 1, 0), (0, 0, 0), (0, 0, 0), (0, 2, -2), (0, 0, 0)],
            growth.Daily.Select(d => (d.Joins, d.Leaves, d.Net)));
        Assert.Equal(Enumerable.Range(0, 7).Select(Monday.AddDays), growth.Daily.Select(d => d.Date));
        Assert.Equal((3L, 3L, 0L), (growth.Joins, growth.Leaves, growth.Net));
        Assert.Equal((1L, 2L, -1L), (growth.PreviousJoins, growth.PreviousLeaves, growth.PreviousNet));
    }

    [Fact]
    public async Task Run_IncludeBots_CountsBotJoins()
    {
        var growth = await RunAsync(includeBots: true);

        Assert.Equal(3, growth.Daily[0].Joins);
        Assert.Equal(4, growth.Joins);
    }

    private Task<MemberGrowth> RunAsync(bool includeBots) =>
        new MemberGrowthQuery(_store, TimeProvider.System, new HoldersGrowth(_store, new RoleHolders(_store))).RunAsync(
            new AnalyticsQuery(G, AnalyticsWindow.Between(Monday, Monday.AddDays(6)), AnalyticsQuery.DefaultTop, includeBots),
            CancellationToken.None);

    private static long At(DateOnly day, int hour = 0) => DayBucket.StartMs(DayBucket.FromDate(day)) + (hour * 3_600_000L);

    public sealed class OnSqlite() : MemberGrowthQueryTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : MemberGrowthQueryTests(StoreProvider.Postgres);
}
