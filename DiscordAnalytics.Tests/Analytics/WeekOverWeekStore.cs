using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics;

/// <summary>
/// A temporary store with one guild, its channels and members (written through the real writer twenty days before
/// <see cref="Monday"/>), for card queries that compare the week from Monday with the week before: posts land on the
/// Friday before (previous window) or the Wednesday after (current window).
/// </summary>
public sealed class WeekOverWeekStore : IAsyncDisposable
{
    /// <summary>The first day of the week the queries ask about (Monday, Nov 16).</summary>
    public static readonly DateOnly Monday = new(2026, 11, 16);

    private ulong _messages;

    private WeekOverWeekStore(TempSqliteStore store, ulong guild)
    {
        Store = store;
        Guild = guild;
    }

    /// <summary>The store, also the context factory the queries take.</summary>
    public TempSqliteStore Store { get; }

    public ulong Guild { get; }

    /// <param name="provider">The store's provider: a SQLite file or a PostgreSQL database of its own.</param>
    public static async Task<WeekOverWeekStore> CreateAsync(
        StoreProvider provider,
        ulong guild,
        string name,
        IReadOnlyList<(ulong Id, string Name)> channels,
        IReadOnlyList<(ulong Id, string Name, bool Bot)> members)
    {
        var store = await TempSqliteStore.CreateFromTemplateAsync(provider);
        var setup = At(Monday.AddDays(-20));
        await store.WriteAsync([
            TestEvents.Guild(guild, name, setup),
            .. channels.Select(c => Channel(guild, c.Id, c.Name, setup)),
            .. members.Select(m => Member(guild, m.Id, m.Name, setup, m.Bot)),
        ]);
        return new WeekOverWeekStore(store, guild);
    }

    /// <summary>UTC <paramref name="hour"/> o'clock on <paramref name="day"/>, in unix milliseconds.</summary>
    public static long At(DateOnly day, int hour = 0) => DayBucket.StartMs(DayBucket.FromDate(day)) + (hour * 3_600_000L);

    /// <summary>The week from <see cref="Monday"/>, with its previous week to compare against.</summary>
    public AnalyticsQuery ThisWeek(bool includeBots, int top = AnalyticsQuery.DefaultTop) =>
        new(Guild, AnalyticsWindow.Between(Monday, Monday.AddDays(6)), top, includeBots);

    /// <summary>A message at <paramref name="at"/> with an id no other message of this store has.</summary>
    public IngestEvent Message(ulong channel, ulong author, long at, string? excerpt = null, bool bot = false) =>
        TestEvents.Message(Guild, channel, author, at, ++_messages, excerpt, bot);

    /// <summary>Messages on the Friday before <see cref="Monday"/> and on the Wednesday after it, one an hour from 08:00.</summary>
    public Task PostAsync(ulong channel, ulong author, int previous, int current, bool bot = false) =>
        Store.WriteAsync([
            .. Enumerable.Range(0, previous).Select(i => Message(channel, author, At(Monday.AddDays(-3), 8 + i), "before", bot)),
            .. Enumerable.Range(0, current).Select(i => Message(channel, author, At(Monday.AddDays(2), 8 + i), "now", bot)),
        ]);

    public Task WriteAsync(params IngestEvent[] events) => Store.WriteAsync(events);

    public ValueTask DisposeAsync() => Store.DisposeAsync();
}
