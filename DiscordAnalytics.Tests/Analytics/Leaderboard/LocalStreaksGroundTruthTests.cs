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
/// Streak days are the guild's local days: members posting and reacting minutes either side of local midnight for six
/// weeks (across the end of daylight saving time in Los Angeles, and at Kolkata's half-hour offset), with deletes, late
/// and duplicated events, read once between two halves of the stream; every member's current and longest streak must
/// equal a brute force over the local days' UTC instants, and must differ from the UTC days' streaks (so a board that
/// ignored the zone fails).
/// </summary>
public abstract class LocalStreaksGroundTruthTests(StoreProvider provider)
{
    private const ulong G = RandomEventStream.GuildId, General = 1_001, Lounge = 1_002;

    // 03:00 UTC: still the 19th in Los Angeles, already the 20th at 08:30 in Kolkata.
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 3, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("America/Los_Angeles", 11)]
    [InlineData("Asia/Kolkata", 12)]
    public async Task Run_ActivityAroundLocalMidnight_StreaksCountLocalDays(string zoneId, int seed)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var (events, delivered) = AroundMidnight(zone, seed);
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        await store.WriteAsync([.. events.Take(2)]);
        Assert.Equal(TimeZoneUpdate.Saved, await new GuildTimeZone(store).SetAsync((long)G, zoneId, CancellationToken.None));
        var query = new LeaderboardQuery(store, TestMemberDays.Over(store), new FakeTimeProvider(Now));
        var asked = new AnalyticsQuery(G, AnalyticsWindow.Last(7, DayBucket.FromUnixMs(Now.ToUnixTimeMilliseconds())), AnalyticsQuery.MaxTop, IncludeBots: false);
        await store.WriteInBatchesAsync(delivered.Take(delivered.Count / 2), batchSize: 150);
        await query.RunAsync(asked, LeaderboardRanking.Streak, CancellationToken.None);
        await store.WriteInBatchesAsync(delivered.Skip(delivered.Count / 2), batchSize: 150);

        var board = await query.RunAsync(asked, LeaderboardRanking.Streak, CancellationToken.None);

        var truth = new GroundTruth(events);
        var local = BruteForce(truth, day => LocalDayStartMs(zone, day), LocalDay(zone, Now.ToUnixTimeMilliseconds()));
        var utc = BruteForce(truth, day => DayBucket.StartMs(day), DayBucket.FromUnixMs(Now.ToUnixTimeMilliseconds()));
        var expected = Ranked(local);
        Assert.Equal(expected, board.Entries.Select(e => (e.UserId!, e.CurrentStreak, e.LongestStreak)).ToList());
        Assert.True(expected.Count >= 5, "the stream should give several members a current streak");
        Assert.Contains(expected, e => e.Longest >= 5);
        Assert.NotEqual(Ranked(utc), expected);
    }

    [Fact]
    public async Task Run_VoiceAcrossLocalMidnight_CountsBothLocalDays()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
        var today = LocalDay(zone, Now.ToUnixTimeMilliseconds());
        var midnight = LocalDayStartMs(zone, today);
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        await store.WriteAsync(
            Guild(G, "local", midnight - (3 * 86_400_000L)), Channel(G, Lounge, "lounge", midnight - (3 * 86_400_000L), Core.Discord.ChannelTypes.Voice),
            Member(G, 6_001, "Ada", midnight - (3 * 86_400_000L)), Member(G, 6_002, "Bo", midnight - (3 * 86_400_000L)));
        Assert.Equal(TimeZoneUpdate.Saved, await new GuildTimeZone(store).SetAsync((long)G, "America/Los_Angeles", CancellationToken.None));
        // Ada and Bo talk from 23:50 to 00:10 local: one UTC day (07:50 to 08:10 UTC), two local days.
        await store.WriteAsync(
            Voice(G, 6_001, Lounge, midnight - 600_000), Voice(G, 6_002, Lounge, midnight - 600_000),
            Voice(G, 6_001, null, midnight + 600_000), Voice(G, 6_002, null, midnight + 600_000));
        Assert.Equal(DayBucket.FromUnixMs(midnight - 600_000), DayBucket.FromUnixMs(midnight + 600_000));

        var board = await new LeaderboardQuery(store, TestMemberDays.Over(store), new FakeTimeProvider(Now))
            .RunAsync(new AnalyticsQuery(G, AnalyticsWindow.Last(7, DayBucket.FromUnixMs(Now.ToUnixTimeMilliseconds())), 10, IncludeBots: false), LeaderboardRanking.Streak, CancellationToken.None);

        Assert.Equal([("Ada", 2, 2), ("Bo", 2, 2)], board.Entries.Select(e => (e.Name!, e.CurrentStreak, e.LongestStreak)));
    }

    /// <summary>
    /// A dozen members, each on most local days posting (or reacting to that day's messages) within 20 minutes before or
    /// after local midnight, some messages deleted; every event possibly delivered twice and the stream shuffled in blocks.
    /// </summary>
    private static (List<IngestEvent> Events, List<IngestEvent> Delivered) AroundMidnight(TimeZoneInfo zone, int seed)
    {
        var random = new Random(seed);
        var today = LocalDay(zone, Now.ToUnixTimeMilliseconds());
        var startAt = LocalDayStartMs(zone, today - 50);
        var events = new List<IngestEvent> { Guild(G, "local", startAt), Channel(G, General, "general", startAt) };
        var users = Enumerable.Range(6_000, 12).Select(u => (ulong)u).ToArray();
        ulong n = 0;
        for (var day = today - 42; day <= today + 1; day++)
        {
            var ofDay = new List<ulong>();
            var midnight = LocalDayStartMs(zone, day);
            foreach (var user in users)
            {
                var at = midnight + random.Next(-20 * 60_000, 20 * 60_000);
                if (at >= Now.ToUnixTimeMilliseconds())
                {
                    continue;
                }

                if (random.Next(100) < 55 + (int)(user % 5 * 10))
                {
                    var id = MessageId(at, ++n);
                    ofDay.Add(id);
                    events.Add(Message(G, General, user, at, n));
                    if (random.Next(12) == 0)
                    {
                        events.Add(Delete(G, General, id, at + 1_000));
                    }
                }
                else if (ofDay.Count > 0 && random.Next(3) == 0)
                {
                    var message = ofDay[random.Next(ofDay.Count)];
                    events.Add(Reaction(G, General, message, user, Core.Discord.Snowflake.ToUnixMs(message) + 5_000));
                }
            }
        }

        var delivered = new List<IngestEvent>();
        foreach (var block in events.Skip(2).Chunk(40))
        {
            var twice = block.Concat(block.Where(_ => random.Next(8) == 0)).ToArray();
            random.Shuffle(twice);
            delivered.AddRange(twice);
        }

        return (events, delivered);
    }

    /// <summary>Each member's (current, longest) streak over days whose UTC start is <paramref name="startOf"/>, up to <paramref name="today"/>.</summary>
    private static Dictionary<string, (int Current, int Longest)> BruteForce(GroundTruth truth, Func<int, long> startOf, int today)
    {
        var (run, longest, last) = (new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>());
        for (var day = today - 60; day <= today; day++)
        {
            foreach (var member in truth.MembersBetween(startOf(day), startOf(day + 1)).Where(m => m.Value.Messages > 0 || m.Value.Reactions > 0))
            {
                run[member.Key] = last.GetValueOrDefault(member.Key, int.MinValue) == day - 1 ? run[member.Key] + 1 : 1;
                last[member.Key] = day;
                longest[member.Key] = Math.Max(longest.GetValueOrDefault(member.Key), run[member.Key]);
            }
        }

        return longest.Keys.ToDictionary(id => id, id => (last[id] >= today - 1 ? run[id] : 0, longest[id]));
    }

    private static List<(string Id, int Current, int Longest)> Ranked(Dictionary<string, (int Current, int Longest)> streaks) =>
        [.. streaks
            .Where(s => s.Value.Current > 0)
            .OrderByDescending(s => s.Value.Current).ThenByDescending(s => s.Value.Longest).ThenBy(s => ulong.Parse(s.Key, System.Globalization.CultureInfo.InvariantCulture))
            .Select(s => (s.Key, s.Value.Current, s.Value.Longest))];

    public sealed class OnSqlite() : LocalStreaksGroundTruthTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : LocalStreaksGroundTruthTests(StoreProvider.Postgres);
}
