using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Emojis;
using DiscordAnalytics.Core.Analytics.Kinds;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics.Kinds;

/// <summary>
/// Messages by kind and top emojis through the real writer into a real store, hand-built with known answers: duplicates,
/// a delete, edits out of order, a bot, the previous window, and a forgotten member whose messages and reactions go.
/// </summary>
public abstract class MessageKindsQueryTests(StoreProvider provider)
{
    private const ulong G = 8_400, General = 8_401, Ada = 8_411, Bo = 8_412, Cy = 8_413, Bot = 8_419;
    private static readonly int Today = DayBucket.FromUnixMs(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds());

    [Fact]
    public async Task Run_HandBuiltWeek_CountsEachKindAndTheAverageLengthAgainstThePreviousWindow()
    {
        await using var store = await SeededAsync();

        var kinds = await KindsAsync(store);

        // m1 (file, 10), m2 (link, reply, 20), m3 (mentions, 30), m5 edited to a link and 15; m4 deleted, the bot left out.
        Assert.Equal(new MessageKindStats(4, 1, 2, 1, 1, 18.8), kinds.Current);
        Assert.Equal(new MessageKindStats(1, 0, 0, 1, 0, 8), kinds.Previous);
    }

    [Fact]
    public async Task Run_BotsAskedFor_CountsTheBotsMessagesToo()
    {
        await using var store = await SeededAsync();

        var kinds = await KindsAsync(store, includeBots: true);

        Assert.Equal(new MessageKindStats(5, 1, 3, 1, 1, 35), kinds.Current);
    }

    [Fact]
    public async Task Run_ReactionsAddedRemovedAndRepeated_TopEmojisCountPresentReactions()
    {
        await using var store = await SeededAsync();

        var emojis = await EmojisAsync(store);

        Assert.Equal([new EmojiStat("👍", 2), new EmojiStat("🎉", 1)], emojis);
        Assert.Equal([new EmojiStat("👍", 3), new EmojiStat("🎉", 1)], await EmojisAsync(store, includeBots: true));
    }

    [Fact]
    public async Task Forget_MemberWithMessagesAndReactions_LeavesEveryKindAndEmojiCount()
    {
        await using var store = await SeededAsync();

        await store.WriteAsync(Forget(G, Bo, At(0)));

        // Bo's reply with a link goes, and Bo's 👍; Ada's 🎉 was on Bo's message, which took its reactions with it.
        Assert.Equal(new MessageKindStats(3, 1, 1, 0, 1, 18.3), (await KindsAsync(store)).Current);
        Assert.Equal([new EmojiStat("👍", 1)], await EmojisAsync(store));
    }

    [Fact]
    public async Task Run_MessagesStoredBeforeKindsWereMeasured_CountInNoKind()
    {
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        var old = Message(G, General, Ada, At(2), 1, "no shape");
        await store.WriteAsync(Guild(G, "kinds", At(30)), Channel(G, General, "general", At(30)), old);
        await store.WriteAsync(Edit(G, General, old.MessageId!.Value, Ada, At(2) + 60_000, "now with https://x.example", Shape("now with https://x.example")), Delete(G, General, old.MessageId!.Value, At(1)));

        Assert.Equal(MessageKindStats.Empty, (await KindsAsync(store)).Current);
    }

    [Fact]
    public async Task Run_EveryDayStoredWithItsKinds_NoCountedFromDay()
    {
        await using var store = await SeededAsync();

        Assert.Null((await KindsAsync(store)).CountedFrom);
    }

    [Fact]
    public async Task Run_StoreFromBeforeKindsWereRecorded_SaysFromWhichDayTheyAreCounted()
    {
        await using var store = await SeededAsync();
        // A store written by a version before kinds: its older days have messages but no kind rows.
        await using (var db = store.NewContext())
        {
            await db.MessageKindDays.Where(r => r.GuildId == (long)G && r.Day < Today - 2).ExecuteDeleteAsync();
        }

        var kinds = await KindsAsync(store);

        Assert.Equal(DayBucket.ToDate(Today - 2), kinds.CountedFrom);
        // Left: m3 (mentions, 30) and m5 (edited to a link, 15); m1 and m2 were on a day without kinds.
        Assert.Equal(new MessageKindStats(2, 0, 1, 0, 1, 22.5), kinds.Current);
        Assert.Equal(MessageKindStats.Empty, kinds.Previous);
    }

    [Fact]
    public async Task Run_NoKindsStoredAtAll_NothingInTheWindowIsCounted()
    {
        await using var store = await SeededAsync();
        await using (var db = store.NewContext())
        {
            await db.MessageKindDays.Where(r => r.GuildId == (long)G).ExecuteDeleteAsync();
        }

        var kinds = await KindsAsync(store);

        Assert.Equal(DayBucket.ToDate(Today + 1), kinds.CountedFrom);
        Assert.Equal(MessageKindStats.Empty, kinds.Current);
    }

    private async Task<TempSqliteStore> SeededAsync()
    {
        var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        var m1 = Message(G, General, Ada, At(3), 1, "graph", shape: new MessageShape(10, Attachments: 1, Mentions: 0, HasLink: false));
        var m2 = Message(G, General, Bo, At(3), 2, "see", shape: new MessageShape(20, 0, 0, HasLink: true), replyTo: m1.MessageId);
        var m3 = Message(G, General, Ada, At(2), 3, "hi", shape: new MessageShape(30, 0, Mentions: 2, HasLink: false));
        var m4 = Message(G, General, Bo, At(2), 4, "oops", shape: new MessageShape(40, 0, 0, false));
        var m5 = Message(G, General, Ada, At(1), 5, "short", shape: new MessageShape(5, 0, 0, false));
        var bot = Message(G, General, Bot, At(1), 6, "bot", bot: true, shape: new MessageShape(100, 0, 0, HasLink: true));
        var earlier = Message(G, General, Ada, At(10), 7, "before", shape: new MessageShape(8, 0, 0, false), replyTo: 42);
        var (id1, id2, id3, id5) = (m1.MessageId!.Value, m2.MessageId!.Value, m3.MessageId!.Value, m5.MessageId!.Value);
        await store.WriteAsync(Guild(G, "kinds", At(30)), Channel(G, General, "general", At(30)), m1, m2, m3, m4, m5, bot, earlier);
        // A redelivered create, a delete, the newest edit first and an older one after it.
        await store.WriteAsync(m1, Delete(G, General, m4.MessageId!.Value, At(2) + 1_000));
        await store.WriteAsync(Edit(G, General, id5, Ada, At(1) + 120_000, "short https://a.example", new MessageShape(15, 0, 0, HasLink: true)));
        await store.WriteAsync(Edit(G, General, id5, Ada, At(1) + 60_000, "older", new MessageShape(99, Attachments: 3, 0, false)));
        // Reactions: 👍 by Ada and Bo (Ada's twice), 🎉 by Ada, a custom emoji added and removed, a bot's 👍.
        await store.WriteAsync(
            Reaction(G, General, id1, Ada, At(0)), Reaction(G, General, id1, Ada, At(0)), Reaction(G, General, id3, Bo, At(0)),
            Reaction(G, General, id2, Ada, At(0), "🎉"), Reaction(G, General, id5, Cy, At(0), "party:123"),
            Reaction(G, General, id1, Bot, At(0)) with { IsBot = true });
        await store.WriteAsync(Reaction(G, General, id5, Cy, At(0) + 1_000, "party:123") with { Type = IngestEventType.ReactionRemove });
        return store;
    }

    private static MessageShape Shape(string content) => MessageShape.Of(content, 0, 0);

    private static long At(int daysAgo) => DayBucket.StartMs(Today - daysAgo) + (9 * 3_600_000L);

    private static AnalyticsQuery Week(bool includeBots) => new(G, AnalyticsWindow.Last(7, Today), AnalyticsQuery.DefaultTop, includeBots);

    private static Task<MessageKindsSummary> KindsAsync(TempSqliteStore store, bool includeBots = false) =>
        new MessageKindsQuery(store).RunAsync(Week(includeBots), CancellationToken.None);

    private static Task<IReadOnlyList<EmojiStat>> EmojisAsync(TempSqliteStore store, bool includeBots = false) =>
        new TopEmojisQuery(store).RunAsync(Week(includeBots), CancellationToken.None);

    public sealed class OnSqlite() : MessageKindsQueryTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : MessageKindsQueryTests(StoreProvider.Postgres);
}
