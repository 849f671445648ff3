using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Leaderboard;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Tests.Ingestion;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Analytics.Leaderboard;

/// <summary>
/// Streaks and the leaderboard against a brute-force count of random streams (duplicates, late and out-of-order
/// events, deletes that overtake their create, reactions removed and cleared, threads, bots), read once between the
/// stream's two halves so the member days in memory must follow what arrived after: every member's current and longest
/// streak and every place of the board must equal what the events say, under the default rules and under
/// messages-only streaks with other weights.
/// </summary>
public abstract class LeaderboardGroundTruthTests(StoreProvider provider)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly int Today = DayBucket.FromUnixMs(Now.ToUnixTimeMilliseconds());
    private const int Days = 60;

    public static TheoryData<int, bool> Streams => new() { { 41, false }, { 42, true } };

    [Theory]
    [MemberData(nameof(Streams))]
    public async Task Run_RandomStreamReadBetweenTwoHalves_EqualsBruteForce(int seed, bool messagesOnly)
    {
        // This stream's messages crowd its last days (ids only grow), so streaks are short here: the shuffled daily
        // stream below is the one with long streaks and gaps.
        var events = RandomEventStream.Generate(seed, activity: 6_000, endAt: Now.ToUnixTimeMilliseconds(), days: Days);
        var rules = messagesOnly ? new LeaderboardRules(true, false, false, 2, 0.5, 1, 0) : LeaderboardRules.Default;
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        var query = new LeaderboardQuery(store, TestMemberDays.Over(store), new FakeTimeProvider(Now));
        var window = AnalyticsWindow.Last(30, Today);
        var asked = new AnalyticsQuery(RandomEventStream.GuildId, window, AnalyticsQuery.MaxTop, IncludeBots: false);
        await store.WriteInBatchesAsync(events.Take(events.Count / 2), batchSize: 300);
        if (messagesOnly)
        {
            Assert.True(await new LeaderboardSettingsStore(store, new FakeTimeProvider(Now)).SetRulesAsync((long)RandomEventStream.GuildId, rules, CancellationToken.None));
        }

        await query.RunAsync(asked, LeaderboardRanking.Streak, CancellationToken.None);
        await store.WriteInBatchesAsync(events.Skip(events.Count / 2), batchSize: 300);

        var byStreak = await query.RunAsync(asked, LeaderboardRanking.Streak, CancellationToken.None);
        var byActivity = await query.RunAsync(asked, LeaderboardRanking.Activity, CancellationToken.None);

        var truth = new GroundTruth(events);
        var streaks = BruteForceStreaks(truth, rules);
        var window30 = truth.TopMembers(window, int.MaxValue).ToDictionary(m => m.Id);
        var expectedStreak = streaks
            .Where(s => s.Value.Current > 0)
            .OrderByDescending(s => s.Value.Current).ThenByDescending(s => s.Value.Longest).ThenBy(s => ulong.Parse(s.Key, System.Globalization.CultureInfo.InvariantCulture))
            .Select(s => (s.Key, s.Value.Current, s.Value.Longest))
            .ToList();
        Assert.Equal(expectedStreak, byStreak.Entries.Select(e => (e.UserId!, e.CurrentStreak, e.LongestStreak)).ToList());
        Assert.True(expectedStreak.Count >= 5, "the stream should give several members a current streak");

        var expectedActivity = window30.Values
            .Select(m => (m.Id, Score: Math.Round((m.Messages * rules.MessageWeight) + (m.Reactions * rules.ReactionWeight) + (m.Threads * rules.ThreadWeight), 2), m.Messages, m.Reactions, m.Threads))
            .OrderByDescending(m => m.Score).ThenByDescending(m => m.Messages).ThenBy(m => ulong.Parse(m.Id, System.Globalization.CultureInfo.InvariantCulture))
            .Select(m => (m.Id, m.Score, m.Messages, m.Reactions, m.Threads, streaks.GetValueOrDefault(m.Id).Current, streaks.GetValueOrDefault(m.Id).Longest))
            .ToList();
        Assert.Equal(expectedActivity, byActivity.Entries.Select(e => (e.UserId!, e.Score, e.Messages, e.Reactions, e.Threads, e.CurrentStreak, e.LongestStreak)).ToList());
    }

    /// <summary>
    /// A stream made for streaks: a dozen members each active on most days of six weeks (messages, reactions on that
    /// day's messages, some messages deleted), every event possibly delivered twice, and the whole stream shuffled in
    /// blocks so that deletes overtake creates, reactions arrive before their message and days arrive out of order.
    /// </summary>
    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    public async Task Run_DailyActivityShuffled_EqualsBruteForce(int seed)
    {
        var random = new Random(seed);
        var events = new List<Core.Ingestion.IngestEvent> { TestEvents.Guild(RandomEventStream.GuildId, "streaks", DayBucket.StartMs(Today - 50)) };
        events.Add(TestEvents.Channel(RandomEventStream.GuildId, 1_001, "general", DayBucket.StartMs(Today - 50)));
        var users = Enumerable.Range(6_000, 12).Select(u => (ulong)u).ToArray();
        ulong n = 0;
        for (var day = Today - 42; day <= Today; day++)
        {
            var ofDay = new List<ulong>();
            foreach (var user in users)
            {
                // Each member has their own habit: some nearly daily, some every other day.
                if (random.Next(100) < 55 + (int)(user % 5 * 10))
                {
                    var at = DayBucket.StartMs(day) + random.Next(86_400_000);
                    var id = TestEvents.MessageId(at, ++n);
                    ofDay.Add(id);
                    events.Add(TestEvents.Message(RandomEventStream.GuildId, 1_001, user, at, n));
                    if (random.Next(12) == 0)
                    {
                        events.Add(TestEvents.Delete(RandomEventStream.GuildId, 1_001, id, at + 1_000));
                    }
                }
                else if (ofDay.Count > 0 && random.Next(3) == 0)
                {
                    var message = ofDay[random.Next(ofDay.Count)];
                    events.Add(TestEvents.Reaction(RandomEventStream.GuildId, 1_001, message, user, Core.Discord.Snowflake.ToUnixMs(message) + 5_000));
                }
            }
        }

        var delivered = new List<Core.Ingestion.IngestEvent>();
        foreach (var block in events.Skip(2).Chunk(40))
        {
            var twice = block.Concat(block.Where(_ => random.Next(8) == 0)).ToArray();
            random.Shuffle(twice);
            delivered.AddRange(twice);
        }

        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        await store.WriteAsync([.. events.Take(2)]);
        var query = new LeaderboardQuery(store, TestMemberDays.Over(store), new FakeTimeProvider(Now));
        var asked = new AnalyticsQuery(RandomEventStream.GuildId, AnalyticsWindow.Last(7, Today), AnalyticsQuery.MaxTop, IncludeBots: false);
        await store.WriteInBatchesAsync(delivered.Take(delivered.Count / 2), batchSize: 150);
        await query.RunAsync(asked, LeaderboardRanking.Streak, CancellationToken.None);
        await store.WriteInBatchesAsync(delivered.Skip(delivered.Count / 2), batchSize: 150);

        var board = await query.RunAsync(asked, LeaderboardRanking.Messages, CancellationToken.None);

        var truth = new GroundTruth(events);
        var streaks = BruteForceStreaks(truth, LeaderboardRules.Default);
        var expected = truth.TopMembers(asked.Window, int.MaxValue)
            .OrderByDescending(m => m.Messages).ThenByDescending(m => m.Reactions).ThenBy(m => m.Id, StringComparer.Ordinal)
            .Select(m => (m.Id, m.Messages, m.Reactions, streaks.GetValueOrDefault(m.Id).Current, streaks.GetValueOrDefault(m.Id).Longest))
            .ToList();
        Assert.Equal(expected, board.Entries.Select(e => (e.UserId!, e.Messages, e.Reactions, e.CurrentStreak, e.LongestStreak)).ToList());
        Assert.Contains(board.Entries, e => e.LongestStreak >= 5 && e.LongestStreak > e.CurrentStreak);
        Assert.Contains(board.Entries, e => e.CurrentStreak >= 3);
    }

    /// <summary>Each member's (current, longest) streak from the events alone, day by day over the whole stream.</summary>
    private static Dictionary<string, (int Current, int Longest)> BruteForceStreaks(GroundTruth truth, LeaderboardRules rules)
    {
        var (run, longest, last) = (new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>());
        for (var day = Today - Days - 2; day <= Today; day++)
        {
            var counted = truth.TopMembers(AnalyticsWindow.Last(1, day), int.MaxValue)
                .Where(m => (rules.StreakMessages && m.Messages > 0) || (rules.StreakReactions && m.Reactions > 0));
            foreach (var member in counted)
            {
                run[member.Id] = last.GetValueOrDefault(member.Id, int.MinValue) == day - 1 ? run[member.Id] + 1 : 1;
                last[member.Id] = day;
                longest[member.Id] = Math.Max(longest.GetValueOrDefault(member.Id), run[member.Id]);
            }
        }

        return longest.Keys.ToDictionary(id => id, id => (last[id] >= Today - 1 ? run[id] : 0, longest[id]));
    }

    public sealed class OnSqlite() : LeaderboardGroundTruthTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : LeaderboardGroundTruthTests(StoreProvider.Postgres);
}
