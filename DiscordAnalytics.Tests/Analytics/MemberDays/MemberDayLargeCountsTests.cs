using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Roles;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Tests.Ingestion;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics.MemberDays;

/// <summary>
/// Member days hold counts in a byte with the larger ones kept whole beside it. A member-day of more than 254 messages,
/// read from the store and reached or left by the writer's commits (messages added, then deleted back under the byte's
/// edge), reads as the brute-force count of the stream says, and as a fresh index reads it.
/// </summary>
public abstract class MemberDayLargeCountsTests(StoreProvider provider)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private const ulong G = 9_300, General = 9_301, Alice = 9_311, Bob = 9_312;

    [Fact]
    public async Task TopMembers_DaysOfMoreThanAByteOfMessages_ReadAndCommitted_EqualGroundTruthAndAFreshIndex()
    {
        var today = DayBucket.FromUnixMs(Now.ToUnixTimeMilliseconds());
        long At(int daysAgo, int second) => DayBucket.StartMs(today - daysAgo) + 3_600_000L + (second * 1_000L);
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        var index = TestMemberDays.Over(store);
        await using var writer = new IngestionBatchWriter(store.Storage, GuildMode.Live, NullLogger.Instance, memberDays: index);
        var events = new List<IngestEvent> { Guild(G, "many", At(20, 0)), Channel(G, General, "general", At(20, 0)), Member(G, Alice, "alice", At(20, 0)), Member(G, Bob, "bob", At(20, 0)) };
        events.AddRange(Enumerable.Range(0, 300).Select(i => Message(G, General, Alice, At(5, i))));
        events.AddRange(Enumerable.Range(0, 250).Select(i => Message(G, General, Alice, At(0, i))));
        events.AddRange(Enumerable.Range(0, 255).Select(i => Message(G, General, Bob, At(0, i), n: 1)));
        await writer.WriteAsync(events, CancellationToken.None);
        var query = new AnalyticsQuery(G, AnalyticsWindow.Last(7, today), AnalyticsQuery.DefaultTop, IncludeBots: false);
        Assert.Equal([("alice", 550L), ("bob", 255L)], (await Top(store, index, query)).Select(m => (m.Name, m.MessagesSent)));

        // Today's days are held: alice's crosses the byte's edge by a commit, then falls back under it by deletes.
        var more = Enumerable.Range(250, 10).Select(i => Message(G, General, Alice, At(0, i))).ToList();
        await writer.WriteAsync(more, CancellationToken.None);
        var deletes = Enumerable.Range(0, 8).Select(i => Delete(G, General, MessageId(At(0, i)), At(0, 400 + i))).ToList();
        await writer.WriteAsync(deletes, CancellationToken.None);
        events.AddRange(more);
        events.AddRange(deletes);

        var top = await Top(store, index, query);
        var truth = new GroundTruth(events).TopMembers(query.Window, AnalyticsQuery.DefaultTop);
        Assert.Equal(truth, top.Select(m => (m.DiscordUserId, m.MessagesSent, m.ReactionsAdded, m.ThreadsStarted)).ToList());
        Assert.Equal([("alice", 552L), ("bob", 255L)], top.Select(m => (m.Name, m.MessagesSent)));
        Assert.Equal(top, await Top(store, TestMemberDays.Over(store), query));
    }

    private static async Task<IReadOnlyList<MemberStat>> Top(TempSqliteStore store, Core.Analytics.MemberDays.MemberDayIndex index, AnalyticsQuery query) =>
        await new TopMembersQuery(store, index, new FakeTimeProvider(Now), new RoleHolders(store)).RunAsync(query, MemberRanking.ByActivity, CancellationToken.None);

    public sealed class OnSqlite() : MemberDayLargeCountsTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : MemberDayLargeCountsTests(StoreProvider.Postgres);
}
