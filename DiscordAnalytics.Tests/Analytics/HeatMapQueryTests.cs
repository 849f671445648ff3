using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics;

/// <summary>
/// The heat map and the summary's hourly numbers in the guild's time zone, over a real store written by the real
/// writer: quarter-hour offsets and DST changes inside the window land in the right local weekday and hour.
/// </summary>
public abstract class HeatMapQueryTests(StoreProvider provider) : IAsyncLifetime
{
    private const ulong G = 8_100;
    private const ulong General = 811;
    private const ulong Alice = 812;
    private const ulong Bot = 899;
    private TempSqliteStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await TempSqliteStore.CreateFromTemplateAsync(provider);
        var setup = Utc(2026, 10, 1, 0, 0);
        await _store.WriteAsync(Guild(G, "Zones", setup), Channel(G, General, "general", setup));
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Run_KathmanduPlus0545_QuarterHoursLandInTheirLocalHour()
    {
        await SetZoneAsync("Asia/Kathmandu");
        await _store.WriteAsync(
            Message(G, General, Alice, Utc(2026, 11, 16, 18, 14), 1, "Mon 23:59 local"),
            Message(G, General, Alice, Utc(2026, 11, 16, 18, 15), 2, "Tue 00:00 local"),
            Message(G, General, Alice, Utc(2026, 11, 18, 3, 0), 3, "Wed 08:45 local"),
            Message(G, General, Alice, Utc(2026, 11, 18, 3, 5), 4, "deleted"),
            Delete(G, General, MessageId(Utc(2026, 11, 18, 3, 5), 4), Utc(2026, 11, 18, 3, 6)),
            Message(G, General, Bot, Utc(2026, 11, 16, 18, 20), 5, "bot", bot: true));
        var week = Query(new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22), includeBots: false);

        var map = await HeatMap(week);

        Assert.Equal("Asia/Kathmandu", map.TimeZone);
        Assert.Equal([(DayOfWeek.Monday, 23, 1L), (DayOfWeek.Tuesday, 0, 1L), (DayOfWeek.Wednesday, 8, 1L)], NonZero(map));
        Assert.Equal(new HeatMapSlot(DayOfWeek.Monday, 23, 1), map.Busiest);
        var hourly = await Hourly(week);
        Assert.Equal([(0, 1L), (8, 1L), (23, 1L)], hourly.Where(h => h.Messages > 0).Select(h => (h.Hour, h.Messages)));
    }

    [Fact]
    public async Task Run_IncludeBots_CountsBotMessagesInTheirSlot()
    {
        await SetZoneAsync("Asia/Kathmandu");
        await _store.WriteAsync(
            Message(G, General, Alice, Utc(2026, 11, 16, 18, 14), 1, "Mon 23:59 local"),
            Message(G, General, Bot, Utc(2026, 11, 16, 18, 0), 2, "bot", bot: true));

        var map = await HeatMap(Query(new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22), includeBots: true));

        Assert.Equal([(DayOfWeek.Monday, 23, 2L)], NonZero(map));
    }

    [Fact]
    public async Task Run_WindowAcrossNewYorksDstEnd_EachInstantUsesTheOffsetInForceThen()
    {
        // 2026-11-01 06:00 UTC: 02:00 EDT becomes 01:00 EST, so local 01:00-02:00 happens twice that Sunday.
        await SetZoneAsync("America/New_York");
        await _store.WriteAsync(
            Message(G, General, Alice, Utc(2026, 10, 31, 14, 0), 1, "Sat 10:00 EDT"),
            Message(G, General, Alice, Utc(2026, 11, 1, 5, 30), 2, "Sun 01:30 EDT"),
            Message(G, General, Alice, Utc(2026, 11, 1, 6, 0), 3, "Sun 01:00 EST"),
            Message(G, General, Alice, Utc(2026, 11, 1, 6, 45), 4, "Sun 01:45 EST"),
            Message(G, General, Alice, Utc(2026, 11, 1, 7, 0), 5, "Sun 02:00 EST"),
            Message(G, General, Alice, Utc(2026, 11, 2, 14, 0), 6, "Mon 09:00 EST"));

        var map = await HeatMap(Query(new DateOnly(2026, 10, 26), new DateOnly(2026, 11, 8), includeBots: false));

        Assert.Equal(
            [(DayOfWeek.Monday, 9, 1L), (DayOfWeek.Saturday, 10, 1L), (DayOfWeek.Sunday, 1, 3L), (DayOfWeek.Sunday, 2, 1L)],
            NonZero(map));
        Assert.Equal(new HeatMapSlot(DayOfWeek.Sunday, 1, 3), map.Busiest);
    }

    [Fact]
    public async Task Run_DefaultZone_HoursInUtcAndEmptyWindowHasNoBusiestSlot()
    {
        await _store.WriteAsync(Message(G, General, Alice, Utc(2026, 11, 17, 18, 59), 1, "Tue 18:59 UTC"));

        var map = await HeatMap(Query(new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22), includeBots: false));
        var empty = await HeatMap(Query(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 7), includeBots: false));

        Assert.Equal("UTC", map.TimeZone);
        Assert.Equal([(DayOfWeek.Tuesday, 18, 1L)], NonZero(map));
        Assert.Equal(0, empty.Total);
        Assert.Null(empty.Busiest);
    }

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("Pacific Standard Time")]
    [InlineData("")]
    [InlineData(null)]
    public async Task SetZone_NotAnIanaId_RefusedAndNothingStored(string? zone)
    {
        var zones = new GuildTimeZone(_store);

        Assert.Equal(TimeZoneUpdate.InvalidZone, await zones.SetAsync((long)G, zone, CancellationToken.None));
        Assert.Equal("UTC", await zones.GetAsync((long)G, CancellationToken.None));
    }

    private async Task SetZoneAsync(string zone) =>
        Assert.Equal(TimeZoneUpdate.Saved, await new GuildTimeZone(_store).SetAsync((long)G, zone, CancellationToken.None));

    private Task<HeatMap> HeatMap(AnalyticsQuery query) =>
        new HeatMapQuery(_store, TestChannelDays.Over(_store)).RunAsync(query, CancellationToken.None);

    private Task<IReadOnlyList<HourlyActivity>> Hourly(AnalyticsQuery query) =>
        new HourlyActivityQuery(_store, TestChannelDays.Over(_store)).RunAsync(query, CancellationToken.None);

    private static AnalyticsQuery Query(DateOnly first, DateOnly last, bool includeBots) =>
        new(G, AnalyticsWindow.Between(first, last), AnalyticsQuery.DefaultTop, includeBots);

    private static List<(DayOfWeek Day, int Hour, long Messages)> NonZero(HeatMap map) =>
        [.. Enum.GetValues<DayOfWeek>()
            .SelectMany(day => Enumerable.Range(0, 24).Select(hour => (day, hour, map.Cells[(int)day][hour])))
            .Where(c => c.Item3 > 0)
            .OrderBy(c => c.day == DayOfWeek.Sunday ? 7 : (int)c.day).ThenBy(c => c.hour)];

    private static long Utc(int year, int month, int day, int hour, int minute) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    public sealed class OnSqlite() : HeatMapQueryTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : HeatMapQueryTests(StoreProvider.Postgres);
}
