using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Leaderboard;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Tests.Ingestion;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics.Leaderboard;

/// <summary>
/// One leaderboard query kept across the writer's batches (as the app's singleton is) in a zone other than UTC: after
/// every batch its local-day streaks equal a fresh query's over the same store, and it reads a UTC day's messages,
/// reactions and voice again only when that day's stored version moved.
/// </summary>
public abstract class LocalStreakReloadsTests(StoreProvider provider)
{
    private const string Zone = "America/Los_Angeles";
    private const ulong Lounge = 1_009;
    private const long Day = 86_400_000;

    // 03:00 UTC: still the 19th in Los Angeles.
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 3, 0, 0, TimeSpan.Zero);
    private static readonly long NowMs = Now.ToUnixTimeMilliseconds();

    [Theory]
    [InlineData(71)]
    [InlineData(72)]
    public async Task Run_KeptAcrossTheWritersBatches_EqualsAFreshQueryAfterEach(int seed)
    {
        // Late and out-of-order messages, reactions added and removed, deletes, bots; then voice and a forget land on
        // days the kept query already holds.
        const ulong g = RandomEventStream.GuildId;
        var events = RandomEventStream.Generate(seed, activity: 3_000, endAt: NowMs, days: 30);
        var random = new Random(seed);
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        await store.WriteAsync([.. events.Take(40), Channel(g, Lounge, "lounge", NowMs - (31 * Day), Core.Discord.ChannelTypes.Voice)]);
        Assert.Equal(TimeZoneUpdate.Saved, await new GuildTimeZone(store).SetAsync((long)g, Zone, CancellationToken.None));
        var kept = new LeaderboardQuery(store, TestMemberDays.Over(store), new FakeTimeProvider(Now));
        var rest = events.Skip(40).ToList();
        foreach (var batch in rest.Take(rest.Count / 2).Chunk(400))
        {
            await store.WriteAsync(batch);
        }

        await AssertEqualToFreshAsync(store, kept, g);
        foreach (var batch in rest.Skip(rest.Count / 2).Chunk(300))
        {
            // Two members talk together for a while on a random past day, around its local midnight at times.
            var at = NowMs - (random.Next(1, 25) * Day) + random.Next(-3_600_000, 3_600_000);
            var (a, b) = ((ulong)(5_000 + random.Next(10)), (ulong)(5_010 + random.Next(10)));
            await store.WriteAsync([.. batch, Voice(g, a, Lounge, at), Voice(g, b, Lounge, at + 60_000), Voice(g, a, null, at + 1_800_000), Voice(g, b, null, at + 1_900_000)]);
            await AssertEqualToFreshAsync(store, kept, g);
        }

        await store.WriteAsync(Forget(g, 5_000, NowMs - 1_000));
        await AssertEqualToFreshAsync(store, kept, g);

        // Not a trivial answer: several members have a streak now, some longer than a day.
        var board = await RunAsync(kept, g, bots: false);
        Assert.True(board.Entries.Count >= 3, "the stream should give several members a current streak");
        Assert.Contains(board.Entries, e => e.LongestStreak >= 3);
    }

    [Fact]
    public async Task Run_LiveAndLateEventsOneByOne_ReadsOnlyTheDaysThatMoved()
    {
        const ulong g = 8_700, general = 8_701, ada = 8_711, bo = 8_712, cy = 8_713;
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        var n = 0UL;
        await store.WriteAsync(
            Guild(g, "streaks", NowMs - (20 * Day)), Channel(g, general, "general", NowMs - (20 * Day)),
            Member(g, ada, "ada", NowMs - (20 * Day)), Member(g, bo, "bo", NowMs - (20 * Day)), Member(g, cy, "cy", NowMs - (20 * Day)));
        for (var day = 10; day >= 1; day--)
        {
            await store.WriteAsync(Message(g, general, ada, NowMs - (day * Day), ++n), Message(g, general, bo, NowMs - (day * Day) - 7_200_000, ++n));
        }

        // Local midnight of UTC day six days ago is 08:00 UTC (PST); cy posts once, at noon local the day after it.
        var midnight = DayBucket.StartMs(DayBucket.FromUnixMs(NowMs - (6 * Day))) + (8 * 3_600_000);
        await store.WriteAsync(Message(g, general, cy, midnight + (36 * 3_600_000), 800));
        Assert.Equal(TimeZoneUpdate.Saved, await new GuildTimeZone(store).SetAsync((long)g, Zone, CancellationToken.None));
        var kept = new LeaderboardQuery(store, TestMemberDays.Over(store), new FakeTimeProvider(Now));
        await AssertEqualToFreshAsync(store, kept, g);
        var read = kept.LocalStreaks.DaysRead;
        Assert.True(read >= 2 * 30, $"the first call reads every day of the window, with and without bots ({read})");

        async Task<long> ReadAfterAsync(params IngestEvent[] batch)
        {
            var before = kept.LocalStreaks.DaysRead;
            if (batch.Length > 0)
            {
                await store.WriteAsync(batch);
            }

            await AssertEqualToFreshAsync(store, kept, g);
            return kept.LocalStreaks.DaysRead - before;
        }

        // Nothing changed: nothing read. A live message, a late one, a reaction on an old message: their day only, once
        // with bots and once without (two kept sets).
        Assert.Equal(0, await ReadAfterAsync());
        Assert.Equal(2, await ReadAfterAsync(Message(g, general, bo, NowMs - 60_000, ++n)));
        Assert.Equal(2, await ReadAfterAsync(Message(g, general, ada, NowMs - (15 * Day), ++n)));
        Assert.Equal(2, await ReadAfterAsync(Reaction(g, general, MessageId(NowMs - (4 * Day), 13), bo, NowMs - 30_000)));

        // One UTC day, two local days: cy's message before local midnight goes and one after it comes, in one batch. Cy's
        // counts of that UTC day sum to nothing, yet cy's local days moved (and with them a two-day streak): read again.
        Assert.Equal(2, await ReadAfterAsync(Message(g, general, cy, midnight - 600_000, 900)));
        Assert.Equal(2, await ReadAfterAsync(Delete(g, general, MessageId(midnight - 600_000, 900), NowMs - 20_000), Message(g, general, cy, midnight + 600_000, 901)));
        var board = await RunAsync(kept, g, bots: false, LeaderboardRanking.Activity);
        Assert.Contains(board.Entries, e => e.UserId == "8713" && e.LongestStreak == 2);
        Assert.Equal(0, await ReadAfterAsync());
    }

    [Fact]
    public async Task Run_TimeZoneChangedAndBack_HoldsOnlyTheSetOfTheZoneInUse()
    {
        const ulong g = 8_800, general = 8_801, ada = 8_811, bo = 8_812;
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        await store.WriteAsync(Guild(g, "zones", NowMs - (20 * Day)), Channel(g, general, "general", NowMs - (20 * Day)));
        for (var day = 8; day >= 1; day--)
        {
            await store.WriteAsync(Message(g, general, ada, NowMs - (day * Day), (ulong)day), Message(g, general, bo, NowMs - (day * Day) - 7_200_000, (ulong)(100 + day)));
        }

        var kept = new LeaderboardQuery(store, TestMemberDays.Over(store), new FakeTimeProvider(Now));
        async Task<long> ReadInAsync(string zone)
        {
            Assert.Equal(TimeZoneUpdate.Saved, await new GuildTimeZone(store).SetAsync((long)g, zone, CancellationToken.None));
            var before = kept.LocalStreaks.DaysRead;
            var held = await RunAsync(kept, g, bots: false);
            var fresh = await RunAsync(new LeaderboardQuery(store, TestMemberDays.Over(store), new FakeTimeProvider(Now)), g, bots: false);
            Assert.Equal(Streaks(fresh), Streaks(held));
            Assert.Equal(1, kept.LocalStreaks.HeldSets);
            return kept.LocalStreaks.DaysRead - before;
        }

        var first = await ReadInAsync(Zone);
        Assert.True(first >= 30, $"the first call reads every day of the window ({first})");
        Assert.Equal(0, await ReadInAsync(Zone));
        Assert.Equal(first, await ReadInAsync("Asia/Kolkata"));

        // Back in Los Angeles: its set went when Kolkata replaced it, so its days are read again, once.
        Assert.Equal(first, await ReadInAsync(Zone));
        Assert.Equal(0, await ReadInAsync(Zone));
    }

    /// <summary>By streak and by activity, with and without bots: the kept query's streaks equal a new query's over a new member-day index.</summary>
    private static async Task AssertEqualToFreshAsync(TempSqliteStore store, LeaderboardQuery kept, ulong guild)
    {
        foreach (var bots in new[] { false, true })
        {
            foreach (var by in new[] { LeaderboardRanking.Streak, LeaderboardRanking.Activity })
            {
                var fresh = await RunAsync(new LeaderboardQuery(store, TestMemberDays.Over(store), new FakeTimeProvider(Now)), guild, bots, by);
                var held = await RunAsync(kept, guild, bots, by);
                Assert.Equal(Streaks(fresh), Streaks(held));
            }
        }
    }

    private static List<(string? User, int Current, int Longest)> Streaks(LeaderboardResult result) =>
        [.. result.Entries.Select(e => (e.UserId, e.CurrentStreak, e.LongestStreak))];

    private static Task<LeaderboardResult> RunAsync(LeaderboardQuery query, ulong guild, bool bots, LeaderboardRanking by = LeaderboardRanking.Streak) =>
        query.RunAsync(
            new AnalyticsQuery(guild, AnalyticsWindow.Last(30, DayBucket.FromUnixMs(NowMs)), AnalyticsQuery.MaxTop, IncludeBots: bots), by, CancellationToken.None);

    public sealed class OnSqlite() : LocalStreakReloadsTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : LocalStreakReloadsTests(StoreProvider.Postgres);
}
