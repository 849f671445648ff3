using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.MemberDays;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Tests.Ingestion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;
using DiscordAnalytics.Core.Analytics.Roles;

namespace DiscordAnalytics.Tests.Analytics;

/// <summary>
/// The member cards read member days kept in memory (<see cref="MemberDayIndex"/>) and sums of closed days reused
/// between reads. Whatever arrives after they were read (late and out-of-order events, deletes, edits, reactions on old
/// messages, through the app's writer that tells the index, or through another writer it never hears from) must show
/// in the next read exactly as a brute-force count of the whole stream says.
/// </summary>
public sealed class MemberDaysGroundTruthTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private static long NowMs => Now.ToUnixTimeMilliseconds();

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public async Task Summary_ReadBetweenTwoHalvesOfAStream_EqualsGroundTruthOfTheWholeStream(int seed)
    {
        var events = RandomEventStream.Generate(seed, activity: 6_000, endAt: NowMs, days: 45);
        var (first, rest) = (events.Take(events.Count / 2).ToList(), events.Skip(events.Count / 2).ToList());
        await using var app = new AnalyticsAppFactory(time: new FakeTimeProvider(Now));
        using var client = app.CreateApiClient();

        await app.IngestAsync(first);
        // Reads every card once: member days held, closed days summed.
        var before = IngestionGroundTruthTests.Parse(await client.GetStringAsync(IngestionGroundTruthTests.SummaryUrl));
        Assert.Equal(new GroundTruth(first).TopMembers(AnalyticsWindow.Last(30, DayBucket.FromUnixMs(NowMs)), 100), before.TopMembers.Select(m => (m.DiscordUserId, m.MessagesSent, m.ReactionsAdded, m.ThreadsStarted)).ToList());
        await app.IngestAsync(rest);

        var summary = IngestionGroundTruthTests.Parse(await client.GetStringAsync(IngestionGroundTruthTests.SummaryUrl));
        IngestionGroundTruthTests.AssertMatchesGroundTruth(new GroundTruth(events), summary);
    }

    [Theory]
    [InlineData(13, 7)]
    [InlineData(14, 30)]
    public async Task Queries_StoreWrittenByAnotherWriterAfterTheyRead_EqualAFreshIndexAndGroundTruth(int seed, int days)
    {
        var events = RandomEventStream.Generate(seed, activity: 4_000, endAt: NowMs, days: 40);
        await using var store = await TempSqliteStore.CreateMigratedAsync();
        var index = TestMemberDays.Over(store);
        var query = new AnalyticsQuery(RandomEventStream.GuildId, AnalyticsWindow.Last(days, DayBucket.FromUnixMs(NowMs)), AnalyticsQuery.MaxTop, IncludeBots: false);
        await store.WriteInBatchesAsync(events.Take(events.Count / 2), batchSize: 500);
        await ReadAsync(store, index, query);

        await store.WriteInBatchesAsync(events.Skip(events.Count / 2), batchSize: 500);
        var (totals, top, rising) = await ReadAsync(store, index, query);

        var fresh = await ReadAsync(store, TestMemberDays.Over(store), query);
        Assert.Equal(fresh.Totals, totals);
        Assert.Equal(fresh.Top, top);
        Assert.Equal(fresh.Rising, rising);
        var truth = new GroundTruth(events);
        Assert.Equal(truth.TotalsFor(query.Window), totals);
        Assert.Equal(truth.TopMembers(query.Window, AnalyticsQuery.MaxTop), top.Select(m => (m.DiscordUserId, m.MessagesSent, m.ReactionsAdded, m.ThreadsStarted)).ToList());
        var previous = ComparisonWindow.Before(query.Window, NowMs);
        Assert.Equal(truth.RisingMembers(query.Window, previous.StartAt, previous.EndAt, RisingMembersQuery.MaxRising), rising.Select(r => (r.DiscordUserId, r.MessagesSent, r.PreviousMessagesSent)).ToList());
    }

    [Fact]
    public async Task TopMembers_LateMessageOnAClosedDayAfterARead_CountsInTheNextRead()
    {
        const ulong g = 9_100, general = 9_101, alice = 9_111, bob = 9_112;
        var today = DayBucket.FromUnixMs(NowMs);
        long At(int daysAgo, int hour) => DayBucket.StartMs(today - daysAgo) + (hour * 3_600_000L);
        await using var store = await TempSqliteStore.CreateMigratedAsync();
        await store.WriteAsync(Guild(g, "late", At(20, 0)), Channel(g, general, "general", At(20, 0)), Member(g, alice, "alice", At(20, 0)), Member(g, bob, "bob", At(20, 0)));
        await store.WriteAsync(Message(g, general, alice, At(5, 9), 1), Message(g, general, alice, At(4, 9), 2), Message(g, general, bob, At(3, 9), 3));
        var index = TestMemberDays.Over(store);
        var query = new AnalyticsQuery(g, AnalyticsWindow.Last(7, today), AnalyticsQuery.DefaultTop, IncludeBots: false);
        var members = new TopMembersQuery(store, index, new FakeTimeProvider(Now), new RoleHolders(store));
        Assert.Equal([("alice", 2L), ("bob", 1L)], (await members.RunAsync(query, MemberRanking.ByActivity, CancellationToken.None)).Select(m => (m.Name, m.MessagesSent)));

        // Days 3 and 6 ago are closed and summed; two late messages of bob's land on them.
        await store.WriteAsync(Message(g, general, bob, At(6, 9), 4), Message(g, general, bob, At(3, 10), 5));

        Assert.Equal([("bob", 3L), ("alice", 2L)], (await members.RunAsync(query, MemberRanking.ByActivity, CancellationToken.None)).Select(m => (m.Name, m.MessagesSent)));
        var totals = await new TotalsQuery(store, TestChannelDays.Over(store), index, new FakeTimeProvider(Now), new RoleHolders(store), new HoldersGrowth(store, new RoleHolders(store))).RunAsync(query, CancellationToken.None);
        Assert.Equal((5L, 2L), (totals.Messages, totals.ActiveMembers));
    }

    [Fact]
    public async Task Committed_AppWriterTellsTheIndex_ChangesAreInMemoryBeforeAnyRead()
    {
        const ulong g = 9_200, general = 9_201, alice = 9_211;
        var today = DayBucket.FromUnixMs(NowMs);
        var at = DayBucket.StartMs(today) + 3_600_000L;
        await using var app = new AnalyticsAppFactory(time: new FakeTimeProvider(Now));
        await app.IngestAsync([Guild(g, "told", at), Channel(g, general, "general", at), Member(g, alice, "alice", at), Message(g, general, alice, at, 1)]);
        var index = app.Services.GetRequiredService<MemberDayIndex>();
        var query = new AnalyticsQuery(g, AnalyticsWindow.Last(7, today), AnalyticsQuery.DefaultTop, IncludeBots: false);
        var members = app.Services.GetRequiredService<TopMembersQuery>();
        Assert.Equal(1L, (await members.RunAsync(query, MemberRanking.ByActivity, CancellationToken.None)).Single().MessagesSent);

        await app.IngestAsync([Message(g, general, alice, at + 1_000, 2), Message(g, general, alice, at + 2_000, 3)]);

        // Read the day as held, without bringing it up to the store first: the writer's commit already did.
        var held = await index.ReadAsync((long)g, today, today, days => days.Sums(today, today + 1, bots: false) is var sums && days.TryIndexOf((long)alice, out var member) ? sums.Of(member).Messages : -1, CancellationToken.None);
        Assert.Equal(3L, held);
    }

    /// <summary>
    /// Few places in each order: once they are taken, a member whose first key (activity, messages or reactions) is below the
    /// last place's is passed over on that key alone, and one equal to it still goes through the whole order (ties are many
    /// in a month of a small community).
    /// </summary>
    [Theory]
    [InlineData(MemberRanking.ByActivity)]
    [InlineData(MemberRanking.ByMessages)]
    [InlineData(MemberRanking.ByReactions)]
    public async Task TopMembers_FewPlacesInEachOrder_EqualGroundTruth(MemberRanking ranking)
    {
        var events = RandomEventStream.Generate(15, activity: 4_000, endAt: NowMs, days: 40);
        await using var store = await TempSqliteStore.CreateMigratedAsync();
        await store.WriteInBatchesAsync(events, batchSize: 500);
        var query = new AnalyticsQuery(RandomEventStream.GuildId, AnalyticsWindow.Last(30, DayBucket.FromUnixMs(NowMs)), Top: 3, IncludeBots: false);

        var top = await new TopMembersQuery(store, TestMemberDays.Over(store), new FakeTimeProvider(Now), new RoleHolders(store)).RunAsync(query, ranking, CancellationToken.None);

        var every = new GroundTruth(events).TopMembers(query.Window, int.MaxValue);
        var ordered = ranking switch
        {
            MemberRanking.ByMessages => every.OrderByDescending(m => m.Messages).ThenByDescending(m => m.Reactions),
            MemberRanking.ByReactions => every.OrderByDescending(m => m.Reactions).ThenByDescending(m => m.Messages),
            _ => every.OrderByDescending(m => m.Messages + m.Reactions),
        };
        Assert.Equal(
            ordered.ThenBy(m => ulong.Parse(m.Id, System.Globalization.CultureInfo.InvariantCulture)).Take(3).ToList(),
            top.Select(m => (m.DiscordUserId, m.MessagesSent, m.ReactionsAdded, m.ThreadsStarted)).ToList());
    }

    private static async Task<(Totals Totals, List<MemberStat> Top, List<RisingMember> Rising)> ReadAsync(TempSqliteStore store, MemberDayIndex index, AnalyticsQuery query)
    {
        var time = new FakeTimeProvider(Now);
        var totals = await new TotalsQuery(store, TestChannelDays.Over(store), index, time, new RoleHolders(store), new HoldersGrowth(store, new RoleHolders(store))).RunAsync(query, CancellationToken.None);
        var top = await new TopMembersQuery(store, index, time, new RoleHolders(store)).RunAsync(query, MemberRanking.ByActivity, CancellationToken.None);
        var rising = await new RisingMembersQuery(store, index, time, new RoleHolders(store)).RunAsync(query, CancellationToken.None);
        return (totals, [.. top], [.. rising]);
    }
}
