using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics;

/// <summary>Messages per hour of the day (summary <c>hourly</c>) over a real store written by the real writer.</summary>
public abstract class HourlyActivityQueryTests(StoreProvider provider) : IAsyncLifetime
{
    private const ulong G = 8_000;
    private const ulong General = 801;
    private const ulong Alice = 811;
    private const ulong Bot = 899;
    private static readonly DateOnly Monday = new(2026, 11, 16);
    private TempSqliteStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await TempSqliteStore.CreateFromTemplateAsync(provider);
        await _store.WriteAsync(Guild(G, "Hours", At(Monday.AddDays(-10), 0)), Channel(G, General, "general", At(Monday.AddDays(-10), 0)));
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Run_MessagesAtSeveralHours_CountsHumansPerUtcHourOfTheWindow()
    {
        await _store.WriteAsync(
            Message(G, General, Alice, At(Monday, 18, 5), 1, "a"),
            Message(G, General, Alice, At(Monday.AddDays(1), 18, 59), 2, "b"),
            Message(G, General, Alice, At(Monday.AddDays(2), 18, 30), 3, "gone"),
            Delete(G, General, MessageId(At(Monday.AddDays(2), 18, 30), 3), At(Monday.AddDays(2), 19, 0)),
            Message(G, General, Alice, At(Monday, 0, 0), 4, "midnight"),
            Message(G, General, Alice, At(Monday.AddDays(3), 23, 59), 5, "late"),
            Message(G, General, Bot, At(Monday, 18, 10), 6, "bot", bot: true),
            Message(G, General, Alice, At(Monday.AddDays(-1), 18, 0), 7, "before the window"),
            Message(G, General, Alice, At(Monday.AddDays(7), 18, 0), 8, "after the window"));

        var hourly = await RunAsync(includeBots: false);

        Assert.Equal(Enumerable.Range(0, 24), hourly.Select(h => h.Hour));
        Assert.Equal(2, hourly[18].Messages);
        Assert.Equal(1, hourly[0].Messages);
        Assert.Equal(1, hourly[23].Messages);
        Assert.Equal(4, hourly.Sum(h => h.Messages));
    }

    [Fact]
    public async Task Run_IncludeBots_CountsBotMessages()
    {
        await _store.WriteAsync(
            Message(G, General, Alice, At(Monday, 18, 5), 1, "a"),
            Message(G, General, Bot, At(Monday, 18, 10), 2, "bot", bot: true));

        var hourly = await RunAsync(includeBots: true);

        Assert.Equal(2, hourly[18].Messages);
    }

    [Fact]
    public async Task Run_EmptyWindow_AllHoursZero()
    {
        var hourly = await RunAsync(includeBots: false);

        Assert.Equal(24, hourly.Count);
        Assert.All(hourly, h => Assert.Equal(0, h.Messages));
    }

    private Task<IReadOnlyList<HourlyActivity>> RunAsync(bool includeBots) =>
        new HourlyActivityQuery(_store, TestChannelDays.Over(_store)).RunAsync(
            new AnalyticsQuery(G, AnalyticsWindow.Between(Monday, Monday.AddDays(6)), AnalyticsQuery.DefaultTop, includeBots),
            CancellationToken.None);

    private static long At(DateOnly day, int hour, int minute = 0) =>
        DayBucket.StartMs(DayBucket.FromDate(day)) + ((hour * 60L) + minute) * 60_000;

    public sealed class OnSqlite() : HourlyActivityQueryTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : HourlyActivityQueryTests(StoreProvider.Postgres);
}
