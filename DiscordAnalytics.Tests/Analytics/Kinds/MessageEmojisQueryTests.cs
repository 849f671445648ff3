using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Emojis;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics.Kinds;

/// <summary>
/// Emojis typed in messages through the real writer into a real store, hand-built with known answers: a create seen
/// twice, an edit that changes them (and an older edit arriving after it), a delete, a bot, a reaction that stays apart,
/// and a forgotten member whose messages' emojis go.
/// </summary>
public abstract class MessageEmojisQueryTests(StoreProvider provider)
{
    private const ulong G = 8_600, General = 8_601, Ada = 8_611, Bo = 8_612, Bot = 8_619;
    private static readonly int Today = DayBucket.FromUnixMs(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds());

    [Fact]
    public async Task Run_HandBuiltWeek_CountsEachTypedUseApartFromReactions()
    {
        await using var store = await SeededAsync();

        // m1: 🎉 🎉 :party:; m2 edited from 👍🏽 to 🇫🇷 1️⃣ (the older edit, arriving late, changes nothing); m3 deleted; the bot left out.
        Assert.Equal(
            [new EmojiStat("🎉", 2), new EmojiStat("1️⃣", 1), new EmojiStat("party:901", 1), new EmojiStat("🇫🇷", 1)],
            await EmojisAsync(store, EmojiSource.Messages));
        Assert.Equal([new EmojiStat("🔥", 1)], await EmojisAsync(store, EmojiSource.Reactions));
        Assert.Equal(
            [new EmojiStat("🎉", 3), new EmojiStat("1️⃣", 1), new EmojiStat("party:901", 1), new EmojiStat("🇫🇷", 1)],
            await EmojisAsync(store, EmojiSource.Messages, includeBots: true));
    }

    [Fact]
    public async Task Forget_AuthorOfEditedMessage_TakesTheirTypedEmojisBack()
    {
        await using var store = await SeededAsync();

        await store.WriteAsync(Forget(G, Bo, At(0) + 60_000));

        Assert.Equal([new EmojiStat("🎉", 2), new EmojiStat("party:901", 1)], await EmojisAsync(store, EmojiSource.Messages));
        Assert.Empty(await EmojisAsync(store, EmojiSource.Reactions));
    }

    private async Task<TempSqliteStore> SeededAsync()
    {
        var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        var m1 = Message(G, General, Ada, At(1), 1, "🎉🎉 gm <a:party:901>", shape: Shape("🎉🎉 gm <a:party:901> ❤ 5"));
        var m2 = Message(G, General, Bo, At(1) + 1_000, 2, "nice 👍🏽", shape: Shape("nice 👍🏽"));
        var m3 = Message(G, General, Ada, At(2), 3, "🚀", shape: Shape("🚀 🚀"));
        var m4 = Message(G, General, Bot, At(2), 4, "🎉", bot: true, shape: Shape("🎉"));
        await store.WriteAsync(
            Guild(G, "emojis", DayBucket.StartMs(Today - 30)), Channel(G, General, "general", DayBucket.StartMs(Today - 30)),
            m1, m1, m2, m3, m4);
        await store.WriteAsync(
            Edit(G, General, m2.MessageId!.Value, Bo, At(1) + 9_000, "🇫🇷 1️⃣", Shape("🇫🇷 1️⃣")),
            Edit(G, General, m2.MessageId!.Value, Bo, At(1) + 5_000, "🙃", Shape("🙃")),
            Delete(G, General, m3.MessageId!.Value, At(2) + 1_000),
            Reaction(G, General, m1.MessageId!.Value, Bo, At(1) + 2_000, "🔥"));
        return store;
    }

    private static MessageShape Shape(string content) => MessageShape.Of(content, 0, 0);

    private static long At(int daysAgo) => DayBucket.StartMs(Today - daysAgo) + (9 * 3_600_000L);

    private static Task<IReadOnlyList<EmojiStat>> EmojisAsync(TempSqliteStore store, EmojiSource source, bool includeBots = false) =>
        new TopEmojisQuery(store).RunAsync(new AnalyticsQuery(G, AnalyticsWindow.Last(7, Today), AnalyticsQuery.DefaultTop, includeBots), source, CancellationToken.None);

    public sealed class OnSqlite() : MessageEmojisQueryTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : MessageEmojisQueryTests(StoreProvider.Postgres);
}
