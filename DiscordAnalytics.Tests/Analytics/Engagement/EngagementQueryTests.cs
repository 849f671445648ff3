using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Engagement;
using DiscordAnalytics.Core.Analytics.MemberDays;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Tests.Ingestion;
using Microsoft.Extensions.Logging.Abstractions;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;
using DiscordAnalytics.Core.Analytics.Roles;

namespace DiscordAnalytics.Tests.Analytics.Engagement;

/// <summary>
/// DAU, WAU and MAU per day through the real writer into a real store: a hand-built month with known answers, and
/// random streams (late, duplicated and out-of-order events, deletes, reactions removed) compared day by day with a
/// brute-force count of the same events, including a read between two halves of the stream (the member days in
/// memory must follow what arrived after).
/// </summary>
public abstract class EngagementQueryTests(StoreProvider provider)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly int Today = DayBucket.FromUnixMs(Now.ToUnixTimeMilliseconds());

    [Fact]
    public async Task Run_HandBuiltMonth_CountsEachMemberOncePerSlidingWeekAndMonth()
    {
        const ulong g = 8_100, general = 8_101, ada = 8_111, bo = 8_112, cy = 8_113, bot = 8_119;
        long At(int daysAgo) => DayBucket.StartMs(Today - daysAgo) + (10 * 3_600_000L);
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        await store.WriteAsync(Guild(g, "engagement", At(60)), Channel(g, general, "general", At(60)), Member(g, bot, "bot", At(60), bot: true));
        await store.WriteAsync(
            Message(g, general, ada, At(40), 1),   // before the 30 days that end on the window's first day
            Message(g, general, ada, At(9), 2),
            Message(g, general, bo, At(9), 3),
            Message(g, general, bo, At(8), 4),     // bo twice in a week: counted once
            Message(g, general, cy, At(2), 5),
            Reaction(g, general, MessageId(At(2), 5), ada, At(1)),  // a reaction counts on its message's day
            Message(g, general, bot, At(1), 6, bot: true));          // bots are not members here

        var days = (await RunAsync(store, g, AnalyticsWindow.Last(10, Today))).Daily;

        Assert.Equal(10, days.Count);
        Assert.Equal(DayBucket.ToDate(Today - 9), days[0].Day);
        Assert.Equal((2L, 2L, 2L), Numbers(days, daysAgo: 9));   // ada, bo
        Assert.Equal((1L, 2L, 2L), Numbers(days, daysAgo: 8));   // bo; ada earlier in the week
        Assert.Equal((0L, 2L, 2L), Numbers(days, daysAgo: 3));   // 9 days ago is still in the 7 days ending 3 days ago
        Assert.Equal((2L, 3L, 3L), Numbers(days, daysAgo: 2));   // cy and ada's reaction; bo 8 days ago still in the week
        Assert.Equal((0L, 2L, 3L), Numbers(days, daysAgo: 1));   // only the bot
        Assert.Equal((0L, 2L, 3L), Numbers(days, daysAgo: 0));
        Assert.Equal(0.667, days[^3].Stickiness);
        Assert.Equal(0, days[^1].Stickiness);
    }

    /// <summary>
    /// The query keeps each day's figures with the versions of the member days they came from: asked again after an event
    /// of today only today is counted again, after a late one the days it reaches; every day equals a fresh query's.
    /// </summary>
    [Fact]
    public async Task Run_AskedAgainAfterEventsOfRecentDays_EqualsAFreshQueryEveryDay()
    {
        const ulong g = 8_200, general = 8_201, ada = 8_211, dee = 8_214;
        long At(int daysAgo) => DayBucket.StartMs(Today - daysAgo) + (10 * 3_600_000L);
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        await store.WriteAsync(Guild(g, "engagement", At(60)), Channel(g, general, "general", At(60)));
        await store.WriteAsync(Message(g, general, ada, At(9), 1), Message(g, general, ada, At(1), 2));
        var window = AnalyticsWindow.Last(10, Today);
        var kept = new EngagementQuery(TestMemberDays.Over(store), new RoleHolders(store));
        var first = (await RunAsync(kept, g, window)).Daily;
        Assert.Equal((0L, 1L, 1L), Numbers(first, daysAgo: 0));

        await store.WriteAsync(Message(g, general, dee, At(0), 3));
        var afterToday = (await RunAsync(kept, g, window)).Daily;
        Assert.Equal((1L, 2L, 2L), Numbers(afterToday, daysAgo: 0));
        Assert.Equal(first.SkipLast(1), afterToday.SkipLast(1));
        Assert.Equal((await RunAsync(store, g, window)).Daily, afterToday);

        await store.WriteAsync(Message(g, general, dee, At(2), 4));
        var afterLate = (await RunAsync(kept, g, window)).Daily;
        Assert.Equal((1L, 1L, 2L), Numbers(afterLate, daysAgo: 2));   // dee; ada's days (9 and 1 ago) are outside that week
        Assert.Equal((await RunAsync(store, g, window)).Daily, afterLate);
    }

    [Fact]
    public async Task Run_NobodyActive_ZeroFilledWithNoStickiness()
    {
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);

        var days = (await RunAsync(store, 8_200, AnalyticsWindow.Last(7, Today))).Daily;

        Assert.Equal(7, days.Count);
        Assert.All(days, d => Assert.Equal((0L, 0L, 0L, (double?)null), (d.Dau, d.Wau, d.Mau, d.Stickiness)));
    }

    [Theory]
    [InlineData(31, 30)]
    [InlineData(32, 90)]
    public async Task Run_RandomStreamReadBetweenTwoHalves_EqualsBruteForceEveryDay(int seed, int windowDays)
    {
        var events = RandomEventStream.Generate(seed, activity: 5_000, endAt: Now.ToUnixTimeMilliseconds(), days: 130);
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        var query = new EngagementQuery(TestMemberDays.Over(store), new RoleHolders(store));
        var window = AnalyticsWindow.Last(windowDays, Today);
        await store.WriteInBatchesAsync(events.Take(events.Count / 2), batchSize: 400);
        await RunAsync(query, RandomEventStream.GuildId, window);

        await store.WriteInBatchesAsync(events.Skip(events.Count / 2), batchSize: 400);
        var days = (await RunAsync(query, RandomEventStream.GuildId, window)).Daily;

        var truth = new GroundTruth(events);
        var expected = Enumerable.Range(window.StartDay, window.Length)
            .Select(day => (DayBucket.ToDate(day), (long)truth.ActiveMembersOnDays(day, day + 1),
                (long)truth.ActiveMembersOnDays(day - 6, day + 1), (long)truth.ActiveMembersOnDays(day - 29, day + 1)))
            .ToList();
        Assert.Equal(expected, days.Select(d => (d.Day, d.Dau, d.Wau, d.Mau)).ToList());
        Assert.Contains(days, d => d.Mau > 0);
    }

    /// <summary>
    /// A role filter's kept figures after late messages on a closed day, through the writer's commits: another member's
    /// message moves nothing, the holder's moves their day, both brought forward by who flipped (no day counted again).
    /// </summary>
    [Fact]
    public async Task Run_RoleFilterAskedAgainAfterLateMessages_TakesTheHoldersFlipsOnly()
    {
        const ulong g = 8_300, general = 8_301, ada = 8_311, bo = 8_312, role = 8_320;
        long At(int daysAgo) => DayBucket.StartMs(Today - daysAgo) + (10 * 3_600_000L);
        var ct = CancellationToken.None;
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        var index = TestMemberDays.Over(store);
        await using var writer = new IngestionBatchWriter(store.Storage, GuildMode.Live, NullLogger.Instance, memberDays: index);
        await writer.WriteAsync(
            [Guild(g, "engagement", At(60)), Channel(g, general, "general", At(60)), Role(g, role, "subscribers", At(60)), MemberRoles(g, ada, At(40), role), Member(g, bo, "bo", At(40)),
                Message(g, general, ada, At(5), 1), Message(g, general, bo, At(5), 2), Message(g, general, ada, At(0), 3), Message(g, general, bo, At(0), 4)],
            ct);
        var kept = new EngagementQuery(index, new RoleHolders(store));
        var query = new AnalyticsQuery(g, AnalyticsWindow.Last(7, Today), AnalyticsQuery.MaxTop, IncludeBots: false) { RoleId = role };
        var first = (await kept.RunAsync(query, ct)).Daily;
        var counted = kept.DaysCounted;
        Assert.Equal((0L, 1L, 1L), Numbers(first, daysAgo: 3));

        await writer.WriteAsync([Message(g, general, bo, At(3), 5)], ct);
        Assert.Equal(first, (await kept.RunAsync(query, ct)).Daily);

        await writer.WriteAsync([Message(g, general, ada, At(3), 6)], ct);
        var afterHolder = (await kept.RunAsync(query, ct)).Daily;
        Assert.Equal((1L, 1L, 1L), Numbers(afterHolder, daysAgo: 3));
        Assert.Equal(counted, kept.DaysCounted);
        Assert.Equal((await new EngagementQuery(TestMemberDays.Over(store), new RoleHolders(store)).RunAsync(query, ct)).Daily, afterHolder);
    }

    private static (long Dau, long Wau, long Mau) Numbers(IReadOnlyList<EngagementDay> days, int daysAgo)
    {
        var day = days.Single(d => d.Day == DayBucket.ToDate(Today - daysAgo));
        return (day.Dau, day.Wau, day.Mau);
    }

    private static Task<EngagementSeries> RunAsync(TempSqliteStore store, ulong guild, AnalyticsWindow window, MemberDayIndex? index = null) =>
        RunAsync(new EngagementQuery(index ?? TestMemberDays.Over(store), new RoleHolders(store)), guild, window);

    private static Task<EngagementSeries> RunAsync(EngagementQuery query, ulong guild, AnalyticsWindow window) =>
        query.RunAsync(new AnalyticsQuery(guild, window, AnalyticsQuery.MaxTop, IncludeBots: false), CancellationToken.None);

    public sealed class OnSqlite() : EngagementQueryTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : EngagementQueryTests(StoreProvider.Postgres);
}
