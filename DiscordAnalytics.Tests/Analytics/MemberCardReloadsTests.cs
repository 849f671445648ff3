using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Engagement;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Tests.Ingestion;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;
using DiscordAnalytics.Core.Analytics.Roles;

namespace DiscordAnalytics.Tests.Analytics;

/// <summary>
/// The totals (with their previous window, cut at noon) and the engagement series kept across reloads, as the app's
/// singletons are, over channel and member days the writer tells its commits: after every batch of a random stream
/// (joins, leaves, late and out-of-order messages and reactions, deletes, threads, forgets) each equals a fresh query
/// over the same store, and engagement follows live and late events through who flipped, counting no day again.
/// </summary>
public abstract class MemberCardReloadsTests(StoreProvider provider)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly int Today = DayBucket.FromUnixMs(Now.ToUnixTimeMilliseconds());

    private static readonly AnalyticsWindow[] Windows =
        [AnalyticsWindow.Last(7, Today), AnalyticsWindow.Last(30, Today), new(WindowKind.Custom, Today - 20, Today - 13), new(WindowKind.Custom, Today - 25, Today - 24)];

    [Theory]
    [InlineData(71)]
    [InlineData(72)]
    public async Task Run_KeptAcrossTheWritersBatches_EqualsAFreshQueryAfterEach(int seed)
    {
        var events = RandomEventStream.Generate(seed, activity: 3_000, endAt: Now.ToUnixTimeMilliseconds(), days: 70);
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        var (memberDays, channelDays, time) = (TestMemberDays.Over(store), TestChannelDays.Over(store), new FakeTimeProvider(Now));
        await using var writer = new IngestionBatchWriter(store.Storage, GuildMode.Live, NullLogger.Instance, memberDays: memberDays, channelDays: channelDays);
        var (totals, engagement) = (new TotalsQuery(store, channelDays, memberDays, time, new RoleHolders(store), new HoldersGrowth(store, new RoleHolders(store))), new EngagementQuery(memberDays, new RoleHolders(store)));
        foreach (var batch in events.Take(events.Count / 2).Chunk(300))
        {
            await writer.WriteAsync(batch, CancellationToken.None);
        }

        await AssertEqualToFreshAsync(store, totals, engagement, time);
        var batches = events.Skip(events.Count / 2).Chunk(250).ToList();
        for (var i = 0; i < batches.Count; i++)
        {
            // Two members forgotten on the way: their rows of every day go, whoever holds them.
            IngestEvent[] forget = i is 2 or 5 ? [Forget(RandomEventStream.GuildId, 5_000UL + (ulong)(3 * i), Now.ToUnixTimeMilliseconds() - 1_000 + i)] : [];
            await writer.WriteAsync([.. batches[i], .. forget], CancellationToken.None);
            time.Advance(TimeSpan.FromMinutes(7));   // the previous window's cut moves with the clock
            await AssertEqualToFreshAsync(store, totals, engagement, time);
        }

        // Not a trivial answer.
        var series = await RunAsync(engagement, Windows[1], bots: false);
        Assert.Contains(series, d => d.Mau > d.Wau && d.Wau > d.Dau && d.Dau > 0);
    }

    [Fact]
    public async Task Totals_CutDayKeptWhileItsVersionsStand_ReadAgainOnlyForALateEventOnIt()
    {
        const ulong g = 8_800, general = 8_801, ada = 8_811, bo = 8_812, cy = 8_813;
        var now = Now.ToUnixTimeMilliseconds();
        var cutDay = DayBucket.StartMs(Today - 7);
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        var (memberDays, channelDays, time) = (TestMemberDays.Over(store), TestChannelDays.Over(store), new FakeTimeProvider(Now));
        await using var writer = new IngestionBatchWriter(store.Storage, GuildMode.Live, NullLogger.Instance, memberDays: memberDays, channelDays: channelDays);
        var kept = new TotalsQuery(store, channelDays, memberDays, time, new RoleHolders(store), new HoldersGrowth(store, new RoleHolders(store)));
        var query = Query(Windows[0], bots: false, g);
        await writer.WriteAsync(
            [Guild(g, "reloads", now - (40 * 86_400_000L)), Channel(g, general, "general", now - (40 * 86_400_000L)),
             Message(g, general, ada, cutDay + 3_600_000, 1), Message(g, general, bo, cutDay + (13 * 3_600_000L), 2),
             Join(g, cy, "cy", cutDay + (2 * 3_600_000L)), Reaction(g, general, MessageId(cutDay + 3_600_000, 1), bo, now - 86_400_000)],
            CancellationToken.None);
        async Task<PreviousTotals> AssertFreshAsync()
        {
            var fresh = await new TotalsQuery(store, TestChannelDays.Over(store), TestMemberDays.Over(store), time, new RoleHolders(store), new HoldersGrowth(store, new RoleHolders(store))).RunPreviousAsync(query, CancellationToken.None);
            var answer = await kept.RunPreviousAsync(query, CancellationToken.None);
            Assert.Equal(fresh, answer);
            return answer;
        }

        // Noon: ada's message, bo's reaction on it, cy's join; bo's message at 13:00 is past the cut.
        Assert.Equal((1L, 1L, 2L, 1L), Of(await AssertFreshAsync()));
        time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        Assert.Equal((2L, 1L, 2L, 1L), Of(await AssertFreshAsync()));
        await writer.WriteAsync([Message(g, general, ada, time.GetUtcNow().ToUnixTimeMilliseconds() - 1_000, 3)], CancellationToken.None);
        Assert.Equal((2L, 1L, 2L, 1L), Of(await AssertFreshAsync()));
        Assert.Equal(1, kept.CutDayReads);

        // A late message on the cut day reads it again; a join anywhere reads only its joins and leaves again.
        await writer.WriteAsync([Message(g, general, cy, cutDay + 60_000, 4)], CancellationToken.None);
        Assert.Equal((3L, 1L, 3L, 1L), Of(await AssertFreshAsync()));
        Assert.Equal(2, kept.CutDayReads);
        await writer.WriteAsync([Join(g, 8_814, "dee", cutDay + 120_000)], CancellationToken.None);
        Assert.Equal((3L, 1L, 3L, 2L), Of(await AssertFreshAsync()));
        Assert.Equal(2, kept.CutDayReads);

        // The 30-day window cuts another day, kept beside this one: switching back and forth reads neither again.
        var month = Query(Windows[1], bots: false, g);
        var freshMonth = await new TotalsQuery(store, TestChannelDays.Over(store), TestMemberDays.Over(store), time, new RoleHolders(store), new HoldersGrowth(store, new RoleHolders(store))).RunPreviousAsync(month, CancellationToken.None);
        Assert.Equal(freshMonth, await kept.RunPreviousAsync(month, CancellationToken.None));
        Assert.Equal(3, kept.CutDayReads);
        Assert.Equal((3L, 1L, 3L, 2L), Of(await AssertFreshAsync()));
        Assert.Equal(freshMonth, await kept.RunPreviousAsync(month, CancellationToken.None));
        Assert.Equal(3, kept.CutDayReads);

        static (long Messages, long Reactions, long Active, long Joins) Of(PreviousTotals p) => (p.Totals.Messages, p.Totals.Reactions, p.Totals.ActiveMembers, p.Totals.Joins);
    }

    [Fact]
    public async Task Engagement_LiveAndLateEventsOneByOne_FollowsWhoFlippedWithoutCountingAgain()
    {
        const ulong g = 8_700, general = 8_701, ada = 8_711, bo = 8_712, cy = 8_713, bot = 8_719;
        var now = Now.ToUnixTimeMilliseconds();
        long At(int daysAgo) => now - (daysAgo * 86_400_000L) - 3_600_000;
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        var memberDays = TestMemberDays.Over(store);
        await using var writer = new IngestionBatchWriter(store.Storage, GuildMode.Live, NullLogger.Instance, memberDays: memberDays);
        var kept = new EngagementQuery(memberDays, new RoleHolders(store));
        var n = 0UL;
        await writer.WriteAsync(
            [Guild(g, "reloads", At(70)), Channel(g, general, "general", At(70)), Member(g, bot, "bot", At(70), bot: true),
             Message(g, general, ada, At(40), ++n), Message(g, general, ada, At(9), ++n), Message(g, general, bo, At(3), ++n)],
            CancellationToken.None);
        foreach (var window in Windows)
        {
            await RunAsync(kept, window, bots: false, g);
            await RunAsync(kept, window, bots: true, g);
        }

        var counted = kept.DaysCounted;
        async Task<IReadOnlyList<EngagementDay>> AfterAsync(IngestEvent e)
        {
            await writer.WriteAsync([e], CancellationToken.None);
            foreach (var window in Windows)
            {
                foreach (var bots in new[] { false, true })
                {
                    Assert.Equal(await RunAsync(new EngagementQuery(TestMemberDays.Over(store), new RoleHolders(store)), window, bots, g), await RunAsync(kept, window, bots, g));
                }
            }

            return await RunAsync(kept, Windows[1], bots: false, g);
        }

        static (long Dau, long Wau, long Mau) Last(IReadOnlyList<EngagementDay> s, int daysAgo) => (s[^(daysAgo + 1)].Dau, s[^(daysAgo + 1)].Wau, s[^(daysAgo + 1)].Mau);

        // Today: cy's first message flips them; a second one flips nobody; a bot's counts only with bots.
        Assert.Equal((1L, 2L, 3L), Last(await AfterAsync(Message(g, general, cy, now - 60_000, ++n)), 0));
        Assert.Equal((1L, 2L, 3L), Last(await AfterAsync(Message(g, general, cy, now - 50_000, ++n)), 0));
        Assert.Equal((1L, 2L, 3L), Last(await AfterAsync(Message(g, general, bot, now - 40_000, ++n, bot: true)), 0));

        // Late: ada three days back (bo's day); cy's reaction on ada's message nine days back; its removal; a delete.
        var late = ++n;
        Assert.Equal((2L, 2L, 2L), Last(await AfterAsync(Message(g, general, ada, At(3) + 1_000, late)), 3));
        var reaction = Reaction(g, general, MessageId(At(9), 2), cy, now - 30_000);
        Assert.Equal((2L, 2L, 2L), Last(await AfterAsync(reaction), 9));
        Assert.Equal((1L, 1L, 1L), Last(await AfterAsync(reaction with { Type = IngestEventType.ReactionRemove, EventAt = now - 20_000 }), 9));
        Assert.Equal((1L, 2L, 2L), Last(await AfterAsync(Delete(g, general, MessageId(At(3) + 1_000, late), now - 10_000)), 3));
        Assert.Equal(counted, kept.DaysCounted);

        // A forget removes a member's rows of every day: followed the same way.
        Assert.Equal((0L, 1L, 2L), Last(await AfterAsync(Forget(g, cy, now - 5_000)), 0));
        Assert.Equal(counted, kept.DaysCounted);
    }

    /// <summary>Every window, with and without bots: the kept queries' answers equal new queries' over new indexes.</summary>
    private static async Task AssertEqualToFreshAsync(TempSqliteStore store, TotalsQuery totals, EngagementQuery engagement, TimeProvider time)
    {
        foreach (var window in Windows)
        {
            foreach (var bots in new[] { false, true })
            {
                var query = Query(window, bots, RandomEventStream.GuildId);
                var fresh = new TotalsQuery(store, TestChannelDays.Over(store), TestMemberDays.Over(store), time, new RoleHolders(store), new HoldersGrowth(store, new RoleHolders(store)));
                Assert.Equal(await fresh.RunAsync(query, CancellationToken.None), await totals.RunAsync(query, CancellationToken.None));
                Assert.Equal(await fresh.RunPreviousAsync(query, CancellationToken.None), await totals.RunPreviousAsync(query, CancellationToken.None));
                Assert.Equal(await RunAsync(new EngagementQuery(TestMemberDays.Over(store), new RoleHolders(store)), window, bots), await RunAsync(engagement, window, bots));
            }
        }
    }

    private static AnalyticsQuery Query(AnalyticsWindow window, bool bots, ulong guild) => new(guild, window, AnalyticsQuery.MaxTop, IncludeBots: bots);

    private static async Task<IReadOnlyList<EngagementDay>> RunAsync(EngagementQuery query, AnalyticsWindow window, bool bots, ulong guild = RandomEventStream.GuildId) =>
        (await query.RunAsync(Query(window, bots, guild), CancellationToken.None)).Daily;

    public sealed class OnSqlite() : MemberCardReloadsTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : MemberCardReloadsTests(StoreProvider.Postgres);
}
