using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Storage;
using static DiscordAnalytics.Tests.Analytics.WeekOverWeekStore;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics;

/// <summary>Top channels with their previous-window numbers, over a real store written by the real writer, on each provider.</summary>
public abstract class TopChannelsQueryTests(StoreProvider provider) : IAsyncLifetime
{
    private const ulong G = 8_600;
    private const ulong General = 871;
    private const ulong Setups = 872;
    private const ulong Archive = 873;
    private const ulong Alice = 881;
    private const ulong Bob = 882;
    private const ulong Bot = 899;
    private WeekOverWeekStore _week = null!;

    public async Task InitializeAsync() =>
        _week = await WeekOverWeekStore.CreateAsync(provider, G, "Deltas", [(General, "general"), (Setups, "setups"), (Archive, "archive")], []);

    public async Task DisposeAsync() => await _week.DisposeAsync();

    [Fact]
    public async Task Run_ChannelsActiveInBothWindows_CarryThePreviousWindowsNumbers()
    {
        await PostAsync(General, previous: 2, current: 3);
        await PostAsync(Setups, previous: 0, current: 1);
        await PostAsync(Archive, previous: 7, current: 0);
        var before = _week.Message(General, Alice, At(Monday.AddDays(-3), 20));
        await _week.WriteAsync(before, Reaction(G, General, before.MessageId!.Value, Bob, At(Monday.AddDays(-3), 21)));

        var channels = await RunAsync(includeBots: false);

        // archive had 7 messages before but none now: it is not listed, its old numbers do not leak anywhere.
        Assert.Equal(
            [("general", 3L, 3L, 1L), ("setups", 1L, 0L, 0L)],
            channels.Select(c => (c.Name, c.MessageCount, c.PreviousMessageCount, c.PreviousReactionCount)));
    }

    [Theory]
    [InlineData(false, 2L)]
    [InlineData(true, 6L)]
    public async Task Run_BotMessagesInThePreviousWindow_CountOnlyWithIncludeBots(bool includeBots, long expectedPrevious)
    {
        await PostAsync(General, previous: 2, current: 3);
        await PostAsync(General, previous: 4, current: 0, author: Bot, bot: true);

        var channels = await RunAsync(includeBots);

        Assert.Equal(expectedPrevious, channels.Single().PreviousMessageCount);
    }

    private Task PostAsync(ulong channel, int previous, int current, ulong author = Alice, bool bot = false) =>
        _week.PostAsync(channel, author, previous, current, bot);

    private Task<IReadOnlyList<ChannelStat>> RunAsync(bool includeBots) =>
        new TopChannelsQuery(_week.Store, TimeProvider.System).RunAsync(
            _week.ThisWeek(includeBots),
            ChannelRanking.ByMessages,
            CancellationToken.None);

    public sealed class OnSqlite() : TopChannelsQueryTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : TopChannelsQueryTests(StoreProvider.Postgres);
}
