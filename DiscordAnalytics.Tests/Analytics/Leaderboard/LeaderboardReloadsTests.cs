using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Leaderboard;
using DiscordAnalytics.Core.Analytics.Voice;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Core.Storage.MemberDays;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Tests.Ingestion;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics.Leaderboard;

/// <summary>
/// One leaderboard query kept across the writer's batches (as the app's singleton is) in a UTC guild: after every batch,
/// live or late, every ranking with and without bots equals a fresh query's over a new member-day index, and the streaks'
/// days before today are counted again only when one of them moved, never for a change to today.
/// </summary>
public abstract class LeaderboardReloadsTests(StoreProvider provider)
{
    private const long Day = 86_400_000;
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);
    private static readonly long NowMs = Now.ToUnixTimeMilliseconds();
    private static readonly LeaderboardRanking[] Rankings = Enum.GetValues<LeaderboardRanking>();

    [Theory]
    [InlineData(91)]
    [InlineData(92)]
    public async Task Run_KeptAcrossTheWritersBatches_EqualsAFreshQueryAfterEach(int seed)
    {
        // Late and out-of-order messages, reactions added and removed, deletes, bots, a forget: the stream's second half
        // lands on days the kept query already holds.
        const ulong g = RandomEventStream.GuildId;
        var events = RandomEventStream.Generate(seed, activity: 3_000, endAt: NowMs, days: 30);
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        var index = TestMemberDays.Over(store);
        await using var writer = new IngestionBatchWriter(store.Storage, GuildMode.Live, NullLogger.Instance, memberDays: index);
        var kept = new LeaderboardQuery(store, index, new FakeTimeProvider(Now));
        foreach (var batch in events.Take(events.Count / 2).Chunk(400))
        {
            await writer.WriteAsync(batch, CancellationToken.None);
        }

        await AssertEqualToFreshAsync(store, kept, g);
        foreach (var batch in events.Skip(events.Count / 2).Chunk(300))
        {
            await writer.WriteAsync(batch, CancellationToken.None);
            await AssertEqualToFreshAsync(store, kept, g);
        }

        await writer.WriteAsync([Forget(g, 5_000, NowMs - 1_000)], CancellationToken.None);
        await AssertEqualToFreshAsync(store, kept, g);

        // Not a trivial answer: several members have a streak, some longer than a day.
        var board = await RunAsync(kept, g, bots: false, LeaderboardRanking.Streak);
        Assert.True(board.Entries.Count >= 3, "the stream should give several members a current streak");
        Assert.Contains(board.Entries, e => e.LongestStreak >= 3);
    }

    [Fact]
    public async Task Run_LiveAndLateMessages_CountsTheDaysBeforeTodayOnlyWhenOneMoved()
    {
        const ulong g = 8_800, general = 8_801, ada = 8_811, bo = 8_812;
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        var index = TestMemberDays.Over(store);
        await using var writer = new IngestionBatchWriter(store.Storage, GuildMode.Live, NullLogger.Instance, memberDays: index);
        var n = 0UL;
        await writer.WriteAsync([Guild(g, "streaks", NowMs - (20 * Day)), Channel(g, general, "general", NowMs - (20 * Day))], CancellationToken.None);
        for (var day = 10; day >= 1; day--)
        {
            await writer.WriteAsync([Message(g, general, ada, NowMs - (day * Day), ++n), Message(g, general, bo, NowMs - (day * Day) - 7_200_000, ++n)], CancellationToken.None);
        }

        var kept = new LeaderboardQuery(store, index, new FakeTimeProvider(Now));
        await AssertEqualToFreshAsync(store, kept, g);
        var counted = kept.StreakCounts;

        async Task<long> CountsAfterAsync(params IngestEvent[] batch)
        {
            var before = kept.StreakCounts;
            if (batch.Length > 0)
            {
                await writer.WriteAsync(batch, CancellationToken.None);
            }

            await AssertEqualToFreshAsync(store, kept, g);
            return kept.StreakCounts - before;
        }

        // Live messages today and yesterday: no count of the settled days, no board ranked again (with and without bots alike),
        // and the recent days' members scored again only for the one who posted: once per kept recent board (the 7 and
        // 30-day windows, with and without bots, for the three rankings other than the streak), today's first entry included.
        var boards = kept.BoardsMade;
        var scored = kept.RecentScored;
        Assert.Equal(0, await CountsAfterAsync(Message(g, general, bo, NowMs - 60_000, ++n)));
        Assert.Equal(12, kept.RecentScored - scored);
        Assert.Equal(0, await CountsAfterAsync(Message(g, general, ada, NowMs - 30_000, ++n)));
        Assert.Equal(0, await CountsAfterAsync(Message(g, general, bo, NowMs - Day + 60_000, ++n)));
        Assert.Equal(boards, kept.BoardsMade);
        Assert.Equal(36, kept.RecentScored - scored);
        var board = await RunAsync(kept, g, bots: false, LeaderboardRanking.Streak);
        Assert.Equal([11, 11], board.Entries.Select(e => e.CurrentStreak));

        // A late message four days ago moves that day: counted again once per kept state (with and without bots, from the
        // guild's first day for the 7-day window and from the 30-day window's first day).
        Assert.Equal(4, await CountsAfterAsync(Message(g, general, 8_813, NowMs - (4 * Day), ++n)));
        Assert.True(kept.BoardsMade > boards, "a settled day moved: the boards over it are ranked again");
        Assert.Equal(0, await CountsAfterAsync());
        Assert.Equal(4, counted);
    }

    [Theory]
    [InlineData(93)]
    [InlineData(94)]
    public async Task Run_KeptWithVoiceAcrossMidnight_EqualsAFreshQueryAfterEach(int seed)
    {
        // The kept settled boards, voice sums and streak states (days before yesterday) against a fresh query after every
        // batch: messages and reactions live, late and out of order, voice time (a member with voice only among them) told
        // to the kept voice days, a forget, and the clock crossing midnight so yesterday and today move on.
        const ulong g = RandomEventStream.GuildId, room = 5_900;
        var random = new Random(seed);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 23, 10, 0, TimeSpan.Zero));
        var startMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var events = RandomEventStream.Generate(seed, activity: 2_000, endAt: startMs, days: 20);
        ulong[] talkers = [5_000, 5_001, 5_002, 5_003, 5_004, 5_100];
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        var (index, voiceDays) = (TestMemberDays.Over(store), new VoiceDayIndex(store, NullLogger<VoiceDayIndex>.Instance));
        await using var writer = new IngestionBatchWriter(store.Storage, GuildMode.Live, NullLogger.Instance, memberDays: new MemberDayListeners(index, voiceDays));
        var kept = new LeaderboardQuery(store, index, voiceDays, time);
        await writer.WriteAsync(events.Take(events.Count / 2).ToList(), CancellationToken.None);
        await writer.WriteAsync([Channel(g, room, "voice", startMs - (30 * Day), ChannelTypes.Voice)], CancellationToken.None);
        // Voice arrives in time order (its time is the receive time): ten days up to an hour ago.
        var voice = new List<IngestEvent>();
        for (var at = startMs - (10 * Day); at < startMs - 3_600_000; at += random.Next(20, 300) * 60_000L)
        {
            voice.Add(Voice(g, talkers[random.Next(talkers.Length)], random.Next(4) == 0 ? null : room, at, muted: random.Next(5) == 0));
        }

        voice.AddRange(talkers.Select(u => Voice(g, u, null, startMs - 3_600_000)));
        await writer.WriteAsync(voice, CancellationToken.None);
        await AssertEqualToFreshAsync(store, kept, g, time);

        var rest = events.Skip(events.Count / 2).Chunk(120).ToList();
        for (var i = 0; i < rest.Count; i++)
        {
            // Ten minutes a batch: the clock passes midnight on the way. A talker joins and leaves in each batch.
            time.Advance(TimeSpan.FromMinutes(10));
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            var talker = talkers[i % talkers.Length];
            IngestEvent[] talked = [Voice(g, talker, room, now - 540_000), Voice(g, talker, null, now - 60_000)];
            IngestEvent[] forget = i == rest.Count / 2 ? [Forget(g, 5_003, now - 30_000)] : [];
            await writer.WriteAsync([.. rest[i], .. talked, .. forget], CancellationToken.None);
            await AssertEqualToFreshAsync(store, kept, g, time);
        }

        // Not a trivial answer: voice minutes and streaks among the places.
        var board = await kept.RunAsync(new AnalyticsQuery(g, AnalyticsWindow.Last(7, Today(time)), AnalyticsQuery.MaxTop, IncludeBots: false), LeaderboardRanking.Activity, CancellationToken.None);
        Assert.Contains(board.Entries, e => e.VoiceMinutes > 0 && e.Messages == 0);
        Assert.Contains(board.Entries, e => e.CurrentStreak >= 2);
    }

    /// <summary>
    /// Every ranking, with and without bots, top 3 and every place, over a window ending today, one ending yesterday and
    /// one in the past: the kept query's places equal a new query's over new member-day and voice-day indexes.
    /// </summary>
    private static async Task AssertEqualToFreshAsync(TempSqliteStore store, LeaderboardQuery kept, ulong guild, FakeTimeProvider time)
    {
        var today = Today(time);
        var fresh = new LeaderboardQuery(store, TestMemberDays.Over(store), time);
        foreach (var window in new[] { AnalyticsWindow.Last(7, today), AnalyticsWindow.Last(7, today - 1), new AnalyticsWindow(WindowKind.Custom, today - 15, today - 9) })
        {
            foreach (var (bots, ranking, top) in from bots in new[] { false, true } from ranking in Rankings from top in new[] { 3, AnalyticsQuery.MaxTop } select (bots, ranking, top))
            {
                var query = new AnalyticsQuery(guild, window, top, IncludeBots: bots);
                Assert.Equal((await fresh.RunAsync(query, ranking, CancellationToken.None)).Entries, (await kept.RunAsync(query, ranking, CancellationToken.None)).Entries);
            }
        }
    }

    private static int Today(TimeProvider time) => DayBucket.FromUnixMs(time.GetUtcNow().ToUnixTimeMilliseconds());

    /// <summary>Every ranking, with and without bots, over two windows: the kept query's places equal a new query's over a new member-day index.</summary>
    private static async Task AssertEqualToFreshAsync(TempSqliteStore store, LeaderboardQuery kept, ulong guild)
    {
        foreach (var bots in new[] { false, true })
        {
            foreach (var by in Rankings)
            {
                foreach (var days in new[] { 7, 30 })
                {
                    var fresh = await RunAsync(new LeaderboardQuery(store, TestMemberDays.Over(store), new FakeTimeProvider(Now)), guild, bots, by, days);
                    var held = await RunAsync(kept, guild, bots, by, days);
                    Assert.Equal(fresh.Entries, held.Entries);
                }
            }
        }
    }

    private static Task<LeaderboardResult> RunAsync(LeaderboardQuery query, ulong guild, bool bots, LeaderboardRanking by, int days = 30) =>
        query.RunAsync(
            new AnalyticsQuery(guild, AnalyticsWindow.Last(days, DayBucket.FromUnixMs(NowMs)), AnalyticsQuery.MaxTop, IncludeBots: bots), by, CancellationToken.None);

    public sealed class OnSqlite() : LeaderboardReloadsTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : LeaderboardReloadsTests(StoreProvider.Postgres);
}
