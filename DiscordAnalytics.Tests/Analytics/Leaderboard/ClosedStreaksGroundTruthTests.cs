using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Leaderboard;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Tests.Ingestion;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Analytics.Leaderboard.LocalDays;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics.Leaderboard;

/// <summary>
/// The leaderboard's streaks over the closed past kept as a few numbers a member (<c>ClosedStreaks</c>), not as days: one
/// kept query follows a guild day by day (the cut moving with the clock), with late messages and deletes on closed days,
/// a forget, and the guild's zone changed to Los Angeles and back; after every day each member's kept state equals a
/// brute force over the same events, and so do the boards' streaks. And the 7-day board holds no member day before its
/// window, counting the closed past from the store once, then only the days its cut crosses or when a closed day moved.
/// </summary>
public abstract class ClosedStreaksGroundTruthTests(StoreProvider provider)
{
    private const ulong G = RandomEventStream.GuildId, General = 1_001, Forgotten = 6_011;
    private const long Day = 86_400_000;
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 15, 0, 0, TimeSpan.Zero);
    private static readonly ulong[] Users = [.. Enumerable.Range(6_000, 12).Select(u => (ulong)u)];

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    public async Task Run_DayByDayWithLateWritesAForgetAndAZoneChange_KeptStateEqualsBruteForce(int seed)
    {
        var random = new Random(seed);
        var time = new FakeTimeProvider(Start);
        var first = Today(time) - 40;
        var events = new List<IngestEvent> { Guild(G, "streaks", DayBucket.StartMs(first - 1)), Channel(G, General, "general", DayBucket.StartMs(first - 1)) };
        var posted = new List<(ulong Id, ulong User, long At)>();
        var (n, forgotten) = (0UL, false);

        // A day's activity up to now: each member on most days (their own habit), some reacting to that day's messages
        // instead, now and then a delete. The member forgotten later never reacts and is never reacted to.
        List<IngestEvent> DayOf(int day)
        {
            var made = new List<IngestEvent>();
            var until = Math.Min(Day, time.GetUtcNow().ToUnixTimeMilliseconds() - DayBucket.StartMs(day));
            foreach (var user in Users.Where(u => !forgotten || u != Forgotten))
            {
                if (random.Next(100) >= 50 + (int)(user % 5 * 10))
                {
                    continue;
                }

                var at = DayBucket.StartMs(day) + random.Next((int)until);
                var target = posted.LastOrDefault(p => DayBucket.FromUnixMs(p.At) == day && p.User != Forgotten);
                if (user != Forgotten && target.Id != 0 && random.Next(4) == 0)
                {
                    made.Add(Reaction(G, General, target.Id, user, target.At + 1));
                    continue;
                }

                var id = MessageId(at, ++n);
                posted.Add((id, user, at));
                made.Add(Message(G, General, user, at, n));
                if (random.Next(12) == 0)
                {
                    made.Add(Delete(G, General, id, at + 1));
                }
            }

            return made;
        }

        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        await store.WriteAsync([.. events]);
        var history = Enumerable.Range(first, 41).SelectMany(DayOf).ToList();
        events.AddRange(history);
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(history));
        await store.WriteInBatchesAsync(history, batchSize: 200);
        var query = new LeaderboardQuery(store, TestMemberDays.Over(store), time);
        TimeZoneInfo? zone = null;
        await AssertEqualToBruteForceAsync(query, events, time, zone, first);

        for (var step = 1; step <= 10; step++)
        {
            time.Advance(TimeSpan.FromDays(1));
            var today = Today(time);
            var batch = DayOf(today - 1).Concat(DayOf(today)).ToList();
            if (step % 2 == 1)
            {
                // Late on a closed day (before the 7-day window): a message, and a delete of an older message.
                var late = random.Next(first, today - 7);
                batch.Add(Message(G, General, Users[random.Next(Users.Length - 1)], DayBucket.StartMs(late) + random.Next((int)Day), ++n));
                var old = posted.Where(p => p.At < DayBucket.StartMs(today - 7) && p.User != Forgotten).ToList();
                var deleted = old[random.Next(old.Count)];
                batch.Add(Delete(G, General, deleted.Id, time.GetUtcNow().ToUnixTimeMilliseconds() - 1_000));
            }

            if (step == 3)
            {
                batch.Add(Forget(G, Forgotten, time.GetUtcNow().ToUnixTimeMilliseconds() - 500));
                forgotten = true;
            }

            events.AddRange(batch);
            await store.WriteInBatchesAsync(batch, batchSize: 50);
            if (step is 5 or 8)
            {
                zone = step == 5 ? TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles") : null;
                Assert.Equal(TimeZoneUpdate.Saved, await new GuildTimeZone(store).SetAsync((long)G, zone?.Id ?? "UTC", CancellationToken.None));
            }

            await AssertEqualToBruteForceAsync(query, forgotten ? [.. events.Where(e => !IsForgottens(e))] : events, time, zone, first);
        }

        // Not a trivial answer: long runs, some broken, kept for the closed past.
        Assert.Contains(Users, u => query.LastClosed!.Of((long)u).Longest >= 5);
        Assert.Equal((int.MinValue, 0, 0), query.LastClosed!.Of((long)Forgotten));

        bool IsForgottens(IngestEvent e) => e.UserId == Forgotten || posted.Any(p => p.User == Forgotten && p.Id == e.MessageId);
    }

    [Fact]
    public async Task Run_SevenDayWindow_HoldsNoMemberDayBeforeItAndCountsTheClosedPastOnlyWhenItMoves()
    {
        const ulong ada = 6_001, bo = 6_002;
        var time = new FakeTimeProvider(Start);
        var today = Today(time);
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        var n = 0UL;
        await store.WriteAsync(Guild(G, "streaks", DayBucket.StartMs(today - 40)), Channel(G, General, "general", DayBucket.StartMs(today - 40)));
        await store.WriteAsync([.. Enumerable.Range(today - 30, 30).Select(d => Message(G, General, ada, DayBucket.StartMs(d) + 3_600_000, ++n))]);
        var index = TestMemberDays.Over(store);
        var query = new LeaderboardQuery(store, index, time);

        async Task<List<(string?, int, int)>> BoardAsync(bool bots) =>
            [.. (await query.RunAsync(new AnalyticsQuery(G, AnalyticsWindow.Last(7, Today(time)), AnalyticsQuery.MaxTop, bots), LeaderboardRanking.Streak, CancellationToken.None))
                .Entries.Select(e => (e.UserId, e.CurrentStreak, e.LongestStreak))];
        async Task<int> HeldBeforeWindowAsync() =>
            await index.ReadAsync((long)G, 0, 0, days => Enumerable.Range(today - 60, 60).Count(d => d < Today(time) - 6 && days.Day(d) is not null), CancellationToken.None);

        Assert.Equal([("6001", 30, 30)], await BoardAsync(bots: false));
        Assert.Equal([("6001", 30, 30)], await BoardAsync(bots: true));
        Assert.Equal(0, await HeldBeforeWindowAsync());
        Assert.Equal(2, query.ClosedStreaks.Counts);
        var read = query.ClosedStreaks.DaysRead;

        // Live today: nothing of the closed past read again.
        await store.WriteAsync(Message(G, General, ada, time.GetUtcNow().ToUnixTimeMilliseconds() - 60_000, ++n), Message(G, General, bo, time.GetUtcNow().ToUnixTimeMilliseconds() - 50_000, ++n));
        Assert.Equal([("6001", 31, 31), ("6002", 1, 1)], await BoardAsync(bots: false));
        Assert.Equal((2, read), (query.ClosedStreaks.Counts, query.ClosedStreaks.DaysRead));

        // A new day: the cut moves one day, brought forward from the store (one day read per kept state), not counted again;
        // the member days held before the window are yesterday window's first day only (the index keeps what it read).
        time.Advance(TimeSpan.FromDays(1));
        Assert.Equal([("6001", 31, 31), ("6002", 1, 1)], await BoardAsync(bots: false));
        Assert.Equal([("6001", 31, 31), ("6002", 1, 1)], await BoardAsync(bots: true));
        Assert.Equal((2L, read + 2), (query.ClosedStreaks.Counts, query.ClosedStreaks.DaysRead));
        Assert.Equal(1, await HeldBeforeWindowAsync());

        // A late message on a closed day (bo, twenty days ago) and a delete of ada's message fifteen days ago: counted
        // again from the store, exactly (ada's longest run now the fifteen days since; bo's a day).
        var deleted = MessageId(DayBucket.StartMs(today - 15) + 3_600_000, 16);
        await store.WriteAsync(Message(G, General, bo, DayBucket.StartMs(today - 20) + 60_000, ++n), Delete(G, General, deleted, time.GetUtcNow().ToUnixTimeMilliseconds() - 1_000));
        Assert.Equal([("6001", 15, 15), ("6002", 1, 1)], await BoardAsync(bots: false));
        Assert.Equal(3, query.ClosedStreaks.Counts);
        Assert.Equal((today - 20, 1, 1), query.LastClosed!.Of((long)bo));
        Assert.Equal(1, await HeldBeforeWindowAsync());
    }

    /// <summary>
    /// The 7-day streak board and every member's kept closed state (the days before the window, UTC days whatever the zone)
    /// against brute forces over <paramref name="events"/>; the board's streaks are local days in <paramref name="zone"/>.
    /// </summary>
    private static async Task AssertEqualToBruteForceAsync(LeaderboardQuery query, List<IngestEvent> events, FakeTimeProvider time, TimeZoneInfo? zone, int first)
    {
        var (today, nowMs) = (Today(time), time.GetUtcNow().ToUnixTimeMilliseconds());
        var asked = new AnalyticsQuery(G, AnalyticsWindow.Last(7, today), AnalyticsQuery.MaxTop, IncludeBots: false);
        var board = await query.RunAsync(asked, LeaderboardRanking.Streak, CancellationToken.None);
        var truth = new GroundTruth(events);

        var closed = States(truth, DayBucket.StartMs, first - 1, today - 6);
        foreach (var user in Users)
        {
            var id = user.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(closed.TryGetValue(id, out var s) ? s : (int.MinValue, 0, 0), query.LastClosed!.Of((long)user));
        }

        var (startOf, localToday) = zone is null ? ((Func<int, long>)DayBucket.StartMs, today) : (day => LocalDayStartMs(zone, day), LocalDay(zone, nowMs));
        var expected = States(truth, startOf, first - 2, localToday + 1)
            .Select(s => (s.Key, Current: s.Value.Last >= localToday - 1 ? s.Value.Run : 0, s.Value.Longest))
            .Where(s => s.Current > 0)
            .OrderByDescending(s => s.Current).ThenByDescending(s => s.Longest).ThenBy(s => ulong.Parse(s.Key, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        Assert.Equal(expected, board.Entries.Select(e => (e.UserId!, e.CurrentStreak, e.LongestStreak)).ToList());
        Assert.True(expected.Count >= 3, "several members should have a current streak");
    }

    /// <summary>Each member's last streak day, the run ending there and their longest run over days <paramref name="from"/> to <paramref name="end"/> (excluded).</summary>
    private static Dictionary<string, (int Last, int Run, int Longest)> States(GroundTruth truth, Func<int, long> startOf, int from, int end)
    {
        var states = new Dictionary<string, (int Last, int Run, int Longest)>();
        for (var day = from; day < end; day++)
        {
            foreach (var member in truth.MembersBetween(startOf(day), startOf(day + 1)).Where(m => m.Value.Messages > 0 || m.Value.Reactions > 0))
            {
                var (last, run, longest) = states.GetValueOrDefault(member.Key, (int.MinValue, 0, 0));
                run = last == day - 1 ? run + 1 : 1;
                states[member.Key] = (day, run, Math.Max(longest, run));
            }
        }

        return states;
    }

    private static int Today(TimeProvider time) => DayBucket.FromUnixMs(time.GetUtcNow().ToUnixTimeMilliseconds());

    public sealed class OnSqlite() : ClosedStreaksGroundTruthTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : ClosedStreaksGroundTruthTests(StoreProvider.Postgres);
}
