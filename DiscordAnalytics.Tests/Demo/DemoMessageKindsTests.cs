using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Emojis;
using DiscordAnalytics.Core.Analytics.Kinds;
using DiscordAnalytics.Core.Demo;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;

namespace DiscordAnalytics.Tests.Demo;

/// <summary>The demo's messages carry files, links, replies and mentions, and its reactions and messages unicode and custom emojis, so a tokenless demo fills both cards.</summary>
public sealed class DemoMessageKindsTests
{
    private static readonly long To = DemoHistoryFixture.To;
    private static readonly long From = To - (3 * DemoRhythm.DayMs);

    [Fact]
    public async Task History_ThroughTheWriter_EveryKindAndBothSortsOfEmojiShowUp()
    {
        var community = DemoCommunity.Create(42);
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(StoreProvider.Sqlite, GuildMode.Demo);
        await store.WriteInBatchesAsync(community.History(From, To), batchSize: 2_000);
        var query = new AnalyticsQuery(community.GuildId, new AnalyticsWindow(WindowKind.Custom, DayBucket.FromUnixMs(From), DayBucket.FromUnixMs(To)), AnalyticsQuery.MaxTop, IncludeBots: false);

        var kinds = (await new MessageKindsQuery(store).RunAsync(query, CancellationToken.None)).Current;
        var emojis = await new TopEmojisQuery(store).RunAsync(query, CancellationToken.None);
        var typed = await new TopEmojisQuery(store).RunAsync(query, EmojiSource.Messages, CancellationToken.None);

        Assert.True(kinds.Messages > 100, $"{kinds.Messages} messages");
        Assert.All([kinds.WithAttachments, kinds.WithLinks, kinds.Replies, kinds.WithMentions], n => Assert.InRange(n, 1, kinds.Messages / 2));
        Assert.True(kinds.AverageLength > 10, $"average length {kinds.AverageLength}");
        Assert.Contains(emojis, e => e.CustomName is not null);
        Assert.Contains(emojis, e => e.CustomName is null);
        Assert.Contains(typed, e => e.CustomName is not null);
        Assert.Contains(typed, e => e.Emoji == "🧑‍💻");
        Assert.InRange(typed.Sum(e => e.Count), kinds.Messages / 10, kinds.Messages / 3);
    }
}
