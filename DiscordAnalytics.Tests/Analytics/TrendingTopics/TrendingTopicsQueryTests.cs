using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.TrendingTopics;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics.TrendingTopics;

/// <summary>
/// Trending topics through the real writer into a real store: terms ranked by how much their share of the window's
/// messages rose against the previous window, with both windows' counts; falling, rare and stop words left out.
/// </summary>
public abstract class TrendingTopicsQueryTests(StoreProvider provider)
{
    private const ulong G = 8_300, General = 8_301, Ada = 8_311, Bo = 8_312, Bot = 8_319;
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly int Today = DayBucket.FromUnixMs(Now.ToUnixTimeMilliseconds());

    [Fact]
    public async Task Run_TermsWhoseShareRose_RankedByTheRiseWithBothCounts()
    {
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        await store.WriteAsync(Guild(G, "trending", At(30)), Channel(G, General, "general", At(30)));
        var n = 0UL;
        IEnumerable<Core.Ingestion.IngestEvent> Say(int daysAgo, string excerpt, int times, ulong author = Ada) =>
            Enumerable.Range(0, times).Select(_ => Message(G, General, author, At(daysAgo), ++n, excerpt));
        // The previous 7 days: 13 messages, refunds 5 (38%), deploys 5, and a stop word that never trends.
        await store.WriteAsync([.. Say(10, "refund", 5), .. Say(9, "deploy", 5, Bo), .. Say(9, "the", 3)]);
        // This week: 10 messages; refunds up to 60%, outages new at 30% (the bot's never count), deploys down to 10%.
        await store.WriteAsync([.. Say(3, "refund", 6), .. Say(2, "outage", 3, Bo), .. Say(1, "deploy", 1)]);
        await store.WriteAsync(Message(G, General, Bot, At(1), ++n, "outage outage", bot: true));

        var topics = await RunAsync(store, AnalyticsWindow.Last(7, Today));

        Assert.Equal([new TrendingTopic("outage", 3, 0), new TrendingTopic("refund", 6, 5)], topics);
    }

    [Fact]
    public async Task Run_NoMessagesInTheWindow_NothingTrends()
    {
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        await store.WriteAsync(Guild(G, "trending", At(30)), Channel(G, General, "general", At(30)), Message(G, General, Ada, At(10), 1, "refund"));

        Assert.Empty(await RunAsync(store, AnalyticsWindow.Last(7, Today)));
    }

    private static long At(int daysAgo) => DayBucket.StartMs(Today - daysAgo) + (9 * 3_600_000L);

    private static Task<IReadOnlyList<TrendingTopic>> RunAsync(TempSqliteStore store, AnalyticsWindow window) =>
        new TrendingTopicsQuery(TestChannelDays.Over(store), new KeywordDayCache(store, new FakeTimeProvider(Now)))
            .RunAsync(new AnalyticsQuery(G, window, AnalyticsQuery.DefaultTop, IncludeBots: false), CancellationToken.None);

    public sealed class OnSqlite() : TrendingTopicsQueryTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : TrendingTopicsQueryTests(StoreProvider.Postgres);
}
