using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using static DiscordAnalytics.Tests.Analytics.WeekOverWeekStore;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics;

/// <summary>The most reacted messages of a window, over a real store written by the real writer, on each provider.</summary>
public abstract class TopContentQueryTests(StoreProvider provider) : IAsyncLifetime
{
    private const ulong G = 8_800;
    private const ulong General = 991;
    private const ulong Alice = 1_001;
    private const ulong MarketBot = 1_002;
    private WeekOverWeekStore _week = null!;

    public async Task InitializeAsync() =>
        _week = await WeekOverWeekStore.CreateAsync(provider, G, "Top content", [(General, "general")], [(Alice, "alice", false), (MarketBot, "market", true)]);

    public async Task DisposeAsync() => await _week.DisposeAsync();

    [Fact]
    public async Task Run_BotMessagesOutrankManyMore_ThanTheListShows_HumanMessagesStillFillItWithoutBots()
    {
        // Fifty bot posts with 10 reactions each, then three human posts with 3, 2 and 1.
        var bots = Enumerable.Range(0, 50).Select(i => Post(MarketBot, Monday, hour: 1, reactions: 10, bot: true)).ToList();
        var humans = new[] { Post(Alice, Monday.AddDays(1), hour: 2, reactions: 3), Post(Alice, Monday.AddDays(2), hour: 3, reactions: 2), Post(Alice, Monday.AddDays(3), hour: 4, reactions: 1) };
        foreach (var post in bots.Concat(humans))
        {
            await _week.WriteAsync(post);
        }

        var withoutBots = await RunAsync(includeBots: false, top: 3);
        var withBots = await RunAsync(includeBots: true, top: 3);

        Assert.Equal(humans.Select(p => p[0].MessageId.ToString()), withoutBots.Select(c => c.MessageId));
        Assert.Equal([3L, 2L, 1L], withoutBots.Select(c => c.ReactionScore));
        Assert.Equal(bots.Take(3).Select(p => p[0].MessageId.ToString()), withBots.Select(c => c.MessageId));
    }

    [Fact]
    public async Task Run_DayWithMoreReactedMessagesThanItKeeps_ItsCandidatesRankedAsEveryMessage_BeforeAndAfterALateReaction()
    {
        // A busy Monday: 40 posts with one reaction (the earliest ids), 300 with two, 30 bots' posts with three. Over a day's
        // kept leaders, with enough scoring two or more: only those are read for it.
        var ones = Enumerable.Range(0, 40).Select(_ => Post(Alice, Monday, hour: 1, reactions: 1)).ToList();
        var twos = Enumerable.Range(0, 300).Select(_ => Post(Alice, Monday, hour: 2, reactions: 2)).ToList();
        var threes = Enumerable.Range(0, 30).Select(_ => Post(MarketBot, Monday, hour: 3, reactions: 3, bot: true)).ToList();
        await _week.WriteAsync([.. ones.Concat(twos).Concat(threes).SelectMany(p => p)]);
        var scores = ones.Select(p => (Post: p, Score: 1)).Concat(twos.Select(p => (Post: p, Score: 2))).Concat(threes.Select(p => (Post: p, Score: 3)))
            .ToDictionary(x => x.Post[0].MessageId!.Value, x => x.Score);
        var botPosts = threes.Select(p => p[0].MessageId!.Value).ToHashSet();
        List<string> Expected(bool bots) =>
            [.. scores.Where(s => bots || !botPosts.Contains(s.Key)).OrderByDescending(s => s.Value).ThenBy(s => s.Key).Take(AnalyticsQuery.MaxTop).Select(s => s.Key.ToString())];
        var kept = new TopContentQuery(_week.Store, TestChannelDays.Over(_week.Store));
        foreach (var bots in new[] { false, true })
        {
            Assert.Equal(Expected(bots), (await kept.RunAsync(_week.ThisWeek(bots, AnalyticsQuery.MaxTop), CancellationToken.None)).Select(c => c.MessageId));
        }

        // A late reaction lifts the earliest one-reaction post to two: first of the twos by its id.
        var lifted = ones[0][0].MessageId!.Value;
        await _week.WriteAsync(Reaction(G, General, lifted, 6_000, At(Monday, 4)));
        scores[lifted] = 2;
        foreach (var bots in new[] { false, true })
        {
            Assert.Equal(Expected(bots), (await kept.RunAsync(_week.ThisWeek(bots, AnalyticsQuery.MaxTop), CancellationToken.None)).Select(c => c.MessageId));
            Assert.Equal(Expected(bots), (await RunAsync(bots, AnalyticsQuery.MaxTop)).Select(c => c.MessageId));
        }

        Assert.Contains(lifted.ToString(), Expected(bots: false));
    }

    /// <summary>A message and <paramref name="reactions"/> reactions by distinct humans.</summary>
    private Core.Ingestion.IngestEvent[] Post(ulong author, DateOnly day, int hour, int reactions, bool bot = false)
    {
        var message = _week.Message(General, author, At(day, hour), "look", bot);
        var reacts = Enumerable.Range(0, reactions).Select(r => Reaction(G, General, message.MessageId!.Value, 5_000 + (ulong)r, At(day, hour) + 60_000 + r));
        return [message, .. reacts];
    }

    private Task<IReadOnlyList<ContentStat>> RunAsync(bool includeBots, int top) =>
        new TopContentQuery(_week.Store, TestChannelDays.Over(_week.Store)).RunAsync(
            _week.ThisWeek(includeBots, top),
            CancellationToken.None);

    public sealed class OnSqlite() : TopContentQueryTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : TopContentQueryTests(StoreProvider.Postgres);
}
