using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics;

/// <summary>Support signals of a whole window: with and without help channels, and the common keywords.</summary>
public abstract class SupportSignalsQueryTests(StoreProvider provider) : SupportSignalsTestBase(provider)
{
    [Fact]
    public async Task Run_GuildWithoutHelpChannels_SaysSo()
    {
        const ulong plain = 7_001;
        await Store.WriteAsync(Guild(plain, "Plain", Monday), Channel(plain, 201, "general", Monday));

        var signals = await new SupportSignalsQuery(Store, new FakeTimeProvider(Now))
            .RunAsync(new AnalyticsQuery(plain, AnalyticsWindow.Last(7, DayBucket.FromUnixMs(NowMs)), 10, false), CancellationToken.None);

        Assert.False(signals.HasHelpChannels);
        Assert.Empty(signals.UnansweredThreadList);
        Assert.True((await RunAsync()).HasHelpChannels);
    }

    [Fact]
    public async Task Run_NoThreads_MedianIsNullAndNothingUnanswered()
    {
        var signals = await RunAsync();

        Assert.Equal(0, signals.UnansweredThreads);
        Assert.Null(signals.MedianFirstResponseMinutes);
        Assert.Empty(signals.CommonKeywords);
    }

    [Fact]
    public async Task Run_Excerpts_KeywordsWithoutStopWordsCountedOncePerMessage()
    {
        await Store.WriteAsync(
            Message(G, General, Asker, Monday, n: 1, excerpt: "Refund refund REFUND please, the refund is overdue!"),
            Message(G, General, Helper, Monday + Minute, n: 2, excerpt: "Your refund: login to the portal 2026 ok"),
            Message(G, General, Helper, Monday + (2 * Minute), n: 3, excerpt: "Login works; portal is up."),
            Message(G, General, Bot, Monday + (3 * Minute), n: 4, excerpt: "login login login banana", bot: true));
        var deleted = Message(G, General, Asker, Monday + (4 * Minute), n: 5, excerpt: "banana banana");
        await Store.WriteAsync(deleted, Delete(G, General, deleted.MessageId!.Value, Monday + (5 * Minute)));

        var signals = await RunAsync();

        Assert.Equal(
            [new("login", 2), new("portal", 2), new("refund", 2), new("overdue", 1), new("works", 1)],
            signals.CommonKeywords);
    }

    [Fact]
    public async Task Run_ManyTerms_KeywordsLimitedToTop()
    {
        await Store.WriteAsync(Message(G, General, Asker, Monday, n: 1, excerpt: "alpha bravo charlie delta echo"));

        var signals = await RunAsync(top: 3);

        Assert.Equal(["alpha", "bravo", "charlie"], signals.CommonKeywords.Select(k => k.Keyword));
    }

    public sealed class OnSqlite() : SupportSignalsQueryTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : SupportSignalsQueryTests(StoreProvider.Postgres);
}
