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
/// A voice day in a guild's time zone is a local day the member talked with others in: time alone or muted in the same
/// channel, minutes later on the next local day (the same UTC day), credits nothing. In +05:30 (Kolkata) and -08:00 (Los
/// Angeles in November): a hand-built pair talking only before local midnight beside a pair talking across it, and
/// random sessions around local midnight (some muted, some alone after the others left) against a brute force over the
/// sessions' talk intervals.
/// </summary>
public abstract class LocalVoiceStreaksGroundTruthTests(StoreProvider provider)
{
    private const ulong G = RandomEventStream.GuildId, Lounge = 1_002, Den = 1_003;
    private const long Minute = 60_000;

    // 03:00 UTC: still the 19th in Los Angeles, already the 20th at 08:30 in Kolkata.
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 3, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Asia/Kolkata")]
    [InlineData("America/Los_Angeles")]
    public async Task Run_TalkOnlyBeforeLocalMidnight_CountsThatLocalDayOnly(string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var midnight = LocalDayStartMs(zone, LocalDay(zone, Now.ToUnixTimeMilliseconds()));
        await using var store = await StoreAsync(zoneId, midnight - (3 * 86_400_000L), 6_001, 6_002, 6_003, 6_004);
        // Ada and Bo talk 23:30-23:50; Bo leaves, Ada stays alone until 00:40. Cy and Dee talk 23:50-00:10 in the den.
        await store.WriteAsync(
            Voice(G, 6_001, Lounge, midnight - (30 * Minute)), Voice(G, 6_002, Lounge, midnight - (30 * Minute)),
            Voice(G, 6_003, Den, midnight - (10 * Minute)), Voice(G, 6_004, Den, midnight - (10 * Minute)),
            Voice(G, 6_002, null, midnight - (10 * Minute)),
            Voice(G, 6_003, null, midnight + (10 * Minute)), Voice(G, 6_004, null, midnight + (10 * Minute)),
            Voice(G, 6_001, null, midnight + (40 * Minute)));
        Assert.Equal(DayBucket.FromUnixMs(midnight - (30 * Minute)), DayBucket.FromUnixMs(midnight + (40 * Minute)));

        var board = await BoardAsync(store);

        Assert.Equal([("Cy", 2, 2), ("Dee", 2, 2), ("Ada", 1, 1), ("Bo", 1, 1)], board.Entries.Select(e => (e.Name!, e.CurrentStreak, e.LongestStreak)));
    }

    [Theory]
    [InlineData("Asia/Kolkata", 31)]
    [InlineData("America/Los_Angeles", 32)]
    public async Task Run_RandomSessionsAroundLocalMidnight_StreaksEqualBruteForce(string zoneId, int seed)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var today = LocalDay(zone, Now.ToUnixTimeMilliseconds());
        var users = Enumerable.Range(7_001, 6).Select(u => (ulong)u).ToArray();
        await using var store = await StoreAsync(zoneId, LocalDayStartMs(zone, today - 25), users);
        var events = Sessions(zone, today, users, new Random(seed));
        await store.WriteInBatchesAsync(events, batchSize: 7);

        var board = await BoardAsync(store);

        var (talked, present) = BruteForce(zone, events);
        var expected = talked
            .Select(m => (Id: m.Key, Streak: Streak(m.Value, today)))
            .Where(m => m.Streak.Current > 0)
            .OrderByDescending(m => m.Streak.Current).ThenByDescending(m => m.Streak.Longest).ThenBy(m => m.Id)
            .Select(m => (m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), m.Streak.Current, m.Streak.Longest))
            .ToList();
        Assert.Equal(expected, board.Entries.Select(e => (e.UserId!, e.CurrentStreak, e.LongestStreak)).ToList());
        Assert.True(expected.Count >= 3, "the sessions should give several members a current streak");
        Assert.Contains(present, p => !talked.TryGetValue(p.Key, out var days) || !p.Value.IsSubsetOf(days));
    }

    private async Task<TempSqliteStore> StoreAsync(string zoneId, long at, params ulong[] users)
    {
        var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        string[] names = ["Ada", "Bo", "Cy", "Dee", "Eve", "Fay"];
        await store.WriteAsync([
            Guild(G, "local", at),
            Channel(G, Lounge, "lounge", at, Core.Discord.ChannelTypes.Voice),
            Channel(G, Den, "den", at, Core.Discord.ChannelTypes.Voice),
            .. users.Select((u, i) => Member(G, u, names[i], at))]);
        Assert.Equal(TimeZoneUpdate.Saved, await new GuildTimeZone(store).SetAsync((long)G, zoneId, CancellationToken.None));
        return store;
    }

    private static Task<LeaderboardResult> BoardAsync(TempSqliteStore store) =>
        new LeaderboardQuery(store, TestMemberDays.Over(store), new FakeTimeProvider(Now))
            .RunAsync(new AnalyticsQuery(G, AnalyticsWindow.Last(7, DayBucket.FromUnixMs(Now.ToUnixTimeMilliseconds())), AnalyticsQuery.MaxTop, IncludeBots: false), LeaderboardRanking.Streak, CancellationToken.None);

    /// <summary>
    /// On each of the last 20 local days, four in five members join one of two channels between 90 minutes before and 30 after
    /// local midnight (a fifth muted, some unmuting later) and leave 3 to 80 minutes later; in time order, each instant
    /// used once.
    /// </summary>
    private static List<IngestEvent> Sessions(TimeZoneInfo zone, int today, ulong[] users, Random random)
    {
        var events = new List<IngestEvent>();
        var used = new HashSet<long>();
        long Unique(long at)
        {
            while (!used.Add(at))
            {
                at++;
            }

            return at;
        }

        for (var day = today - 20; day <= today; day++)
        {
            var midnight = LocalDayStartMs(zone, day);
            foreach (var user in users.Where(_ => random.Next(10) < 8))
            {
                var join = Unique(midnight + (random.Next(-90, 30) * Minute) + random.Next(60_000));
                var leave = Unique(join + (random.Next(3, 80) * Minute));
                if (leave >= Now.ToUnixTimeMilliseconds())
                {
                    continue;
                }

                var (channel, muted) = (random.Next(2) == 0 ? Lounge : Den, random.Next(5) == 0);
                events.Add(Voice(G, user, channel, join, muted));
                if (muted && random.Next(2) == 0)
                {
                    events.Add(Voice(G, user, channel, Unique(join + ((leave - join) / 2)), muted: false));
                }

                events.Add(Voice(G, user, null, leave));
            }
        }

        return [.. events.OrderBy(e => e.EventAt)];
    }

    /// <summary>
    /// Each member's local days with talk (in a channel, not muted, another member there) and with any voice time at all,
    /// from the sessions' intervals between consecutive events.
    /// </summary>
    private static (Dictionary<ulong, HashSet<int>> Talked, Dictionary<ulong, HashSet<int>> Present) BruteForce(TimeZoneInfo zone, List<IngestEvent> events)
    {
        var (talked, present) = (new Dictionary<ulong, HashSet<int>>(), new Dictionary<ulong, HashSet<int>>());
        var state = new Dictionary<ulong, (ulong Channel, bool Muted)>();
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.ChannelId is { } channel)
            {
                state[e.UserId!.Value] = (channel, e.Muted == true);
            }
            else
            {
                state.Remove(e.UserId!.Value);
            }

            if (i + 1 == events.Count)
            {
                break;
            }

            var (from, until) = (e.EventAt, events[i + 1].EventAt);
            foreach (var (user, (place, muted)) in state)
            {
                var days = Enumerable.Range(LocalDay(zone, from), LocalDay(zone, until - 1) - LocalDay(zone, from) + 1).ToList();
                Days(present, user).UnionWith(days);
                if (!muted && state.Any(o => o.Key != user && o.Value.Channel == place))
                {
                    Days(talked, user).UnionWith(days);
                }
            }
        }

        return (talked, present);
    }

    private static HashSet<int> Days(Dictionary<ulong, HashSet<int>> map, ulong user) =>
        map.TryGetValue(user, out var days) ? days : map[user] = [];

    /// <summary>Current (ending today or yesterday) and longest run of consecutive days up to <paramref name="today"/>.</summary>
    private static (int Current, int Longest) Streak(HashSet<int> days, int today)
    {
        var (run, longest, last) = (0, 0, int.MinValue);
        foreach (var day in days.Where(d => d <= today).Order())
        {
            run = last == day - 1 ? run + 1 : 1;
            (last, longest) = (day, Math.Max(longest, run));
        }

        return (last >= today - 1 ? run : 0, longest);
    }

    public sealed class OnSqlite() : LocalVoiceStreaksGroundTruthTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : LocalVoiceStreaksGroundTruthTests(StoreProvider.Postgres);
}
