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
/// One lurkers query kept across reloads (as the app's singleton is) over member days the writer tells its commits:
/// after every batch, live or late, its answer equals a fresh query's over the same store, and it reads a guild's member
/// rows again only when their stored version moved (a join, a leave, a new row, a bot flag, a forget, whoever wrote it),
/// never for a message, a reaction or a new name.
/// </summary>
public abstract class LurkerReloadsTests(StoreProvider provider)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly int Today = DayBucket.FromUnixMs(Now.ToUnixTimeMilliseconds());

    private static readonly AnalyticsWindow[] Windows =
        [AnalyticsWindow.Last(7, Today), AnalyticsWindow.Last(30, Today), new(WindowKind.Custom, Today - 20, Today - 13), new(WindowKind.Custom, Today - 25, Today - 24)];

    [Theory]
    [InlineData(61)]
    [InlineData(62)]
    public async Task Run_KeptAcrossTheWritersBatches_EqualsAFreshQueryAfterEach(int seed)
    {
        // Joins, leaves, late and out-of-order messages and reactions, deletes, bots: the stream's second half lands on
        // days and member rows the kept query already holds.
        var events = RandomEventStream.Generate(seed, activity: 3_000, endAt: Now.ToUnixTimeMilliseconds(), days: 40);
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        var index = TestMemberDays.Over(store);
        await using var writer = new IngestionBatchWriter(store.Storage, GuildMode.Live, NullLogger.Instance, memberDays: index);
        var kept = new LurkersQuery(store, index, new RoleHolders(store));
        foreach (var batch in events.Take(events.Count / 2).Chunk(300))
        {
            await writer.WriteAsync(batch, CancellationToken.None);
        }

        await AssertEqualToFreshAsync(store, kept, RandomEventStream.GuildId);
        foreach (var batch in events.Skip(events.Count / 2).Chunk(250))
        {
            await writer.WriteAsync(batch, CancellationToken.None);
            await AssertEqualToFreshAsync(store, kept, RandomEventStream.GuildId);
        }

        // Not a trivial answer: some window has lurkers and active members both.
        var counts = new List<LurkerCount>();
        foreach (var window in Windows)
        {
            counts.Add(await RunAsync(kept, RandomEventStream.GuildId, window, bots: false));
        }

        Assert.Contains(counts, c => c.Count >= 1 && c.Count < c.KnownMembers);
    }

    [Fact]
    public async Task Run_LiveAndLateEventsOneByOne_EqualsAFreshQueryAndReadsRowsOnlyWhenTheyChanged()
    {
        const ulong g = 8_600, general = 8_601;
        const ulong ada = 8_611, bo = 8_612, cy = 8_613, dee = 8_614, eve = 8_615, gus = 8_616, bot = 8_619;
        var now = Now.ToUnixTimeMilliseconds();
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        var index = TestMemberDays.Over(store);
        await using var writer = new IngestionBatchWriter(store.Storage, GuildMode.Live, NullLogger.Instance, memberDays: index);
        var kept = new LurkersQuery(store, index, new RoleHolders(store));
        var n = 0UL;
        async Task<LurkerCount> AfterAsync(IngestEvent e, IngestionBatchWriter? by = null)
        {
            await (by ?? writer).WriteAsync([e], CancellationToken.None);
            await AssertEqualToFreshAsync(store, kept, g);
            return await RunAsync(kept, g, Windows[0], bots: false);
        }

        await writer.WriteAsync(
            [Guild(g, "reloads", now - (40 * 86_400_000L)), Channel(g, general, "general", now - (40 * 86_400_000L)),
             Member(g, ada, "ada", now - (40 * 86_400_000L)), Member(g, bo, "bo", now - (40 * 86_400_000L)),
             Member(g, cy, "cy", now - (40 * 86_400_000L)), Member(g, bot, "bot", now - (40 * 86_400_000L), bot: true),
             Message(g, general, ada, now - 3_600_000, ++n)],
            CancellationToken.None);
        await AssertEqualToFreshAsync(store, kept, g);
        Assert.Equal(new LurkerCount(2, 0.667, 3), await RunAsync(kept, g, Windows[0], bots: false));
        Assert.Equal(1, kept.RowReads);

        // Member days only: a lurker posts today, another's late message lands three days ago, a reaction, a new name.
        Assert.Equal(new LurkerCount(1, 0.333, 3), await AfterAsync(Message(g, general, bo, now - 60_000, ++n)));
        Assert.Equal(new LurkerCount(0, 0, 3), await AfterAsync(Message(g, general, cy, now - (3 * 86_400_000L), ++n)));
        Assert.Equal(new LurkerCount(0, 0, 3), await AfterAsync(Reaction(g, general, MessageId(now - 60_000, 2), ada, now - 30_000)));
        Assert.Equal(new LurkerCount(0, 0, 3), await AfterAsync(Member(g, cy, "cy again", now - 20_000)));
        Assert.Equal(new LurkerCount(0, 0, 4), await AfterAsync(Message(g, general, gus, now - 10_000, ++n)));
        Assert.Equal(1, kept.RowReads);

        // Member rows: a join, a leave of a member active in the window (still present in it), a bot flag (cy's human
        // days still count them active, as a fresh query does), a forget.
        Assert.Equal(new LurkerCount(1, 0.2, 5), await AfterAsync(Join(g, dee, "dee", now - 9_000)));
        Assert.Equal(2, kept.RowReads);
        Assert.Equal(new LurkerCount(1, 0.2, 5), await AfterAsync(Leave(g, bo, now - 8_000)));
        Assert.Equal(new LurkerCount(1, 0.2, 5), await AfterAsync(Member(g, cy, "cy", now - 7_000, bot: true)));
        Assert.Equal(new LurkerCount(1, 0.25, 4), await AfterAsync(Forget(g, ada, now - 6_000)));
        Assert.Equal(5, kept.RowReads);

        // Another writer, which tells the member days nothing: its join and its message are found by their versions.
        await using var other = new IngestionBatchWriter(store.Storage, GuildMode.Live, NullLogger.Instance);
        Assert.Equal(new LurkerCount(2, 0.4, 5), await AfterAsync(Join(g, eve, "eve", now - 5_000), other));
        Assert.Equal(new LurkerCount(1, 0.2, 5), await AfterAsync(Message(g, general, eve, now - 4_000, ++n), other));
        Assert.Equal(6, kept.RowReads);
    }

    /// <summary>Every window, with and without bots: the kept query's answer equals a new query's over a new member-day index.</summary>
    private static async Task AssertEqualToFreshAsync(TempSqliteStore store, LurkersQuery kept, ulong guild)
    {
        foreach (var window in Windows)
        {
            foreach (var bots in new[] { false, true })
            {
                var fresh = await RunAsync(new LurkersQuery(store, TestMemberDays.Over(store), new RoleHolders(store)), guild, window, bots);
                Assert.Equal(fresh, await RunAsync(kept, guild, window, bots));
            }
        }
    }

    private static Task<LurkerCount> RunAsync(LurkersQuery query, ulong guild, AnalyticsWindow window, bool bots) =>
        query.RunAsync(new AnalyticsQuery(guild, window, AnalyticsQuery.MaxTop, IncludeBots: bots), CancellationToken.None);

    public sealed class OnSqlite() : LurkerReloadsTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : LurkerReloadsTests(StoreProvider.Postgres);
}
