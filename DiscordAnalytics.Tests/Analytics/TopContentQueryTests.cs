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
