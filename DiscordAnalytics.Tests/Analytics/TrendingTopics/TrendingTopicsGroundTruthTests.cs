using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.TrendingTopics;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Analytics.TrendingTopics;

/// <summary>
/// Trending topics over random streams of messages (some words grow more common towards the end, bots, duplicates,
/// out-of-order delivery, deletes before and after their create, edits that change the words) through the real writer,
/// compared with a brute force over the same events: each window's present human messages and the terms of their
/// latest text, shares against the previous window of equal length, ranked by the rise.
/// </summary>
public abstract class TrendingTopicsGroundTruthTests(StoreProvider provider)
{
    private const ulong G = 8_700;
    private static readonly ulong[] Channels = [8_701, 8_702];
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly int Today = DayBucket.FromUnixMs(Now.ToUnixTimeMilliseconds());

    private static readonly string[] Steady = ["deploy", "refund", "pricing", "docs", "login", "invoice", "webhook", "export", "theme", "plugin", "mobile", "search"];
    private static readonly string[] Rising = ["outage", "migration", "beta", "latency", "billing", "rollback"];

    [Theory]
    [InlineData(61, 7)]
    [InlineData(62, 3)]
    [InlineData(63, 14)]
    public async Task Run_RandomMessages_EqualsBruteForce(int seed, int windowDays)
    {
        var events = Generate(seed);
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        var query = new TrendingTopicsQuery(TestChannelDays.Over(store), new KeywordDayCache(store, new FakeTimeProvider(Now)));
        var window = AnalyticsWindow.Last(windowDays, Today);
        await store.WriteInBatchesAsync(events.Take(events.Count / 2), batchSize: 250);
        await query.RunAsync(new AnalyticsQuery(G, window, AnalyticsQuery.DefaultTop, IncludeBots: false), CancellationToken.None);

        await store.WriteInBatchesAsync(events.Skip(events.Count / 2), batchSize: 250);
        var topics = await query.RunAsync(new AnalyticsQuery(G, window, AnalyticsQuery.DefaultTop, IncludeBots: false), CancellationToken.None);

        var expected = BruteForce(events, window);
        Assert.Equal(expected, topics);
        Assert.NotEmpty(expected);
    }

    private static List<TrendingTopic> BruteForce(List<IngestEvent> events, AnalyticsWindow window)
    {
        var seen = new HashSet<string>();
        var created = new Dictionary<ulong, (int Day, bool IsBot, string Text)>();
        var edits = new Dictionary<ulong, string>();
        var deleted = new HashSet<ulong>();
        foreach (var e in events)
        {
            var key = $"{e.Type}|{e.MessageId}|{e.EditedAt}";
            if (!seen.Add(key))
            {
                continue;
            }

            switch (e.Type)
            {
                case IngestEventType.MessageCreate:
                    created[e.MessageId!.Value] = (DayBucket.FromUnixMs(e.EventAt), e.IsBot, e.Excerpt!);
                    break;
                case IngestEventType.MessageUpdate:
                    edits[e.MessageId!.Value] = e.Excerpt!;
                    break;
                case IngestEventType.MessageDelete:
                    deleted.Add(e.MessageId!.Value);
                    break;
            }
        }

        // Every edit in this stream arrives after its create, so the latest edit delivered is the text.
        var present = created.Where(m => !m.Value.IsBot && !deleted.Contains(m.Key))
            .Select(m => (m.Value.Day, Text: edits.GetValueOrDefault(m.Key, m.Value.Text)))
            .ToList();
        var previous = window.Previous;
        Dictionary<string, long> Counts(AnalyticsWindow w) =>
            Keywords.Top([.. present.Where(m => m.Day >= w.StartDay && m.Day < w.EndDay).Select(m => m.Text)], int.MaxValue)
                .ToDictionary(k => k.Keyword, k => k.Count, StringComparer.Ordinal);
        var (now, before) = (Counts(window), Counts(previous));
        long messages = present.Count(m => m.Day >= window.StartDay && m.Day < window.EndDay);
        long previousMessages = present.Count(m => m.Day >= previous.StartDay && m.Day < previous.EndDay);
        double Share(long count, long total) => total == 0 ? 0 : (double)count / total;
        return [.. now
            .Where(t => t.Value >= TrendingTopicsQuery.MinCount)
            .Select(t => (Topic: new TrendingTopic(t.Key, t.Value, before.GetValueOrDefault(t.Key)), Rise: Share(t.Value, messages) - Share(before.GetValueOrDefault(t.Key), previousMessages)))
            .Where(t => t.Rise > 0)
            .OrderByDescending(t => t.Rise).ThenBy(t => t.Topic.Keyword, StringComparer.Ordinal)
            .Take(TrendingTopicsQuery.MaxTopics)
            .Select(t => t.Topic)];
    }

    /// <summary>
    /// 30 days of messages: steady words throughout, rising words more likely the later a message is; a stop word and
    /// a number now and then; bots (users 9 and 10) repeating rising words; then duplicates, local shuffles, deletes and edits.
    /// </summary>
    private static List<IngestEvent> Generate(int seed)
    {
        var random = new Random(seed);
        var endAt = Now.ToUnixTimeMilliseconds();
        var startAt = endAt - (30 * DayBucket.MillisecondsPerDay);
        var events = new List<IngestEvent>
        {
            new() { Type = IngestEventType.GuildUpsert, GuildId = G, EventAt = startAt, Name = "Trending Truth" },
        };
        events.AddRange(Channels.Select(c => new IngestEvent { Type = IngestEventType.ChannelUpsert, GuildId = G, EventAt = startAt, ChannelId = c, Name = $"c{c}", ChannelType = ChannelTypes.Text }));

        string Words(double lateness)
        {
            var words = Enumerable.Range(0, random.Next(1, 5))
                .Select(_ => random.NextDouble() < 0.6 * lateness * lateness ? Rising[random.Next(Rising.Length)] : Steady[random.Next(Steady.Length)])
                .ToList();
            if (random.Next(5) == 0)
            {
                words.Add(random.Next(2) == 0 ? "the" : "2026");
            }

            return string.Join(' ', words);
        }

        var messages = new List<IngestEvent>();
        for (var i = 0; i < 1_500; i++)
        {
            var at = startAt + (long)(random.NextDouble() * (endAt - startAt - 1_000));
            var user = (ulong)random.Next(1, 11);
            var message = new IngestEvent
            {
                Type = IngestEventType.MessageCreate, GuildId = G, EventAt = at, ChannelId = Channels[random.Next(Channels.Length)],
                MessageId = Snowflake.FromUnixMs(at) + (ulong)i, UserId = 8_710 + user, IsBot = user >= 9, Excerpt = Words((double)(at - startAt) / (endAt - startAt)),
            };
            messages.Add(message);
            events.Add(message);
            if (random.Next(10) == 0)
            {
                events.Add(message);
            }

            if (random.Next(40) == 0)
            {
                // A delete that overtakes its create.
                events.Insert(events.Count - 1, Delete(message, at + 5));
            }
        }

        // Out of order: each event may swap with one up to 30 places before it.
        for (var i = events.Count - 1; i > Channels.Length + 1; i--)
        {
            var j = Math.Max(Channels.Length + 1, i - random.Next(30));
            (events[i], events[j]) = (events[j], events[i]);
        }

        foreach (var message in messages.Where(_ => random.Next(12) == 0))
        {
            events.Add(Delete(message, message.EventAt + 60_000));
        }

        foreach (var message in messages.Where(_ => random.Next(12) == 0))
        {
            var edit = new IngestEvent
            {
                Type = IngestEventType.MessageUpdate, GuildId = G, EventAt = message.EventAt + 120_000, ChannelId = message.ChannelId,
                MessageId = message.MessageId, EditedAt = message.EventAt + 120_000, Excerpt = Words(random.NextDouble()),
            };
            events.Add(edit);
            if (random.Next(4) == 0)
            {
                events.Add(edit);
            }
        }

        return events;
    }

    private static IngestEvent Delete(IngestEvent message, long at) =>
        new() { Type = IngestEventType.MessageDelete, GuildId = G, EventAt = at, ChannelId = message.ChannelId, MessageId = message.MessageId };

    public sealed class OnSqlite() : TrendingTopicsGroundTruthTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : TrendingTopicsGroundTruthTests(StoreProvider.Postgres);
}
