using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
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
    private static readonly DateOnly Monday = new(2026, 11, 16);
    private TempSqliteStore _store = null!;
    private ulong _n;

    public async Task InitializeAsync()
    {
        _store = await TempSqliteStore.CreateFromTemplateAsync(provider);
        var setup = At(Monday.AddDays(-20));
        await _store.WriteAsync(
            Guild(G, "Deltas", setup),
            Channel(G, General, "general", setup),
            Channel(G, Setups, "setups", setup),
            Channel(G, Archive, "archive", setup));
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Run_ChannelsActiveInBothWindows_CarryThePreviousWindowsNumbers()
    {
        await PostAsync(General, previous: 2, current: 3);
        await PostAsync(Setups, previous: 0, current: 1);
        await PostAsync(Archive, previous: 7, current: 0);
        var before = Message(G, General, Alice, At(Monday.AddDays(-3), 20), ++_n);
        await _store.WriteAsync(before, Reaction(G, General, before.MessageId!.Value, Bob, At(Monday.AddDays(-3), 21)));

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

    /// <summary>Messages in the previous week (Nov 9-15) and this one (Nov 16-22), one per hour from 08:00.</summary>
    private async Task PostAsync(ulong channel, int previous, int current, ulong author = Alice, bool bot = false)
    {
        var events = Enumerable.Range(0, previous).Select(i => Message(G, channel, author, At(Monday.AddDays(-3), 8 + i), ++_n, "before", bot))
            .Concat(Enumerable.Range(0, current).Select(i => Message(G, channel, author, At(Monday.AddDays(2), 8 + i), ++_n, "now", bot)))
            .ToArray();
        await _store.WriteAsync(events);
    }

    private Task<IReadOnlyList<ChannelStat>> RunAsync(bool includeBots) =>
        new TopChannelsQuery(_store).RunAsync(
            new AnalyticsQuery(G, AnalyticsWindow.Between(Monday, Monday.AddDays(6)), AnalyticsQuery.DefaultTop, includeBots),
            ChannelRanking.ByMessages,
            CancellationToken.None);

    private static long At(DateOnly day, int hour = 0) => DayBucket.StartMs(DayBucket.FromDate(day)) + (hour * 3_600_000L);

    public sealed class OnSqlite() : TopChannelsQueryTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : TopChannelsQueryTests(StoreProvider.Postgres);
}
