using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Ingestion;

/// <summary>
/// A batch's rollup rows, written once per key (on PostgreSQL one multi-row upsert per table): many events of one batch
/// that touch the same row sum into it, rows already stored are added to, and a batch of thousands of rows in one
/// statement stores each row's own sum. Every rollup table the writer adds to: channel days, member days, guild days,
/// messages by kind, emoji days, top content and quarter hours.
/// </summary>
public abstract class RollupBatchTests(StoreProvider provider)
{
    private const ulong GuildId = 9_100;
    private const ulong General = 10;
    private const ulong Random = 11;
    private static readonly long T0 = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private static readonly int Day = DayBucket.FromUnixMs(T0);
    private static readonly MessageShape Linked = new(Length: 12, Attachments: 1, Mentions: 0, HasLink: true);

    [Fact]
    public async Task Write_ManyEventsOnTheSameRowsInOneBatch_SumIntoEachRow_AndTheNextBatchAddsToThem()
    {
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        await store.WriteAsync(Guild(GuildId, "Sums", T0), Channel(GuildId, General, "general", T0), Channel(GuildId, Random, "random", T0));
        var first = Message(GuildId, General, 20, T0 + 1_000, shape: Linked);

        // One batch: four messages by member 20 in one channel and quarter hour, one by 21, a bot's, two joins and a
        // leave, four reactions on one message (two emojis) of which one is taken back, and a delete of one of member 20's.
        await store.WriteAsync(
            first,
            Message(GuildId, General, 20, T0 + 2_000, shape: Linked),
            Message(GuildId, General, 20, T0 + 3_000, shape: Linked),
            Message(GuildId, General, 20, T0 + 4_000, n: 1, shape: Linked),
            Message(GuildId, General, 21, T0 + 5_000, shape: Linked),
            Message(GuildId, General, 90, T0 + 6_000, bot: true, shape: Linked),
            Join(GuildId, 30, "thirty", T0 + 7_000),
            Join(GuildId, 31, "thirty-one", T0 + 8_000),
            Leave(GuildId, 30, T0 + 9_000),
            Reaction(GuildId, General, first.MessageId!.Value, 21, T0 + 10_000),
            Reaction(GuildId, General, first.MessageId!.Value, 22, T0 + 11_000),
            Reaction(GuildId, General, first.MessageId!.Value, 23, T0 + 12_000, "🔥"),
            Reaction(GuildId, General, first.MessageId!.Value, 24, T0 + 13_000, "🔥"),
            Removal(first.MessageId!.Value, 24, T0 + 14_000, "🔥"),
            Delete(GuildId, General, MessageId(T0 + 3_000), T0 + 15_000));

        await AssertRowsAsync(store, messagesOf20: 3, messagesOf21: 1, thumbs: 2, fires: 1, joins: 2, leaves: 1, deleted: 1);

        // A second batch on the same rows: each stored row is added to (and a count that reaches zero leaves its table).
        await store.WriteAsync(
            Message(GuildId, General, 20, T0 + 20_000, shape: Linked),
            Message(GuildId, General, 21, T0 + 21_000, shape: Linked),
            Join(GuildId, 32, "thirty-two", T0 + 22_000),
            Reaction(GuildId, General, first.MessageId!.Value, 25, T0 + 23_000),
            Removal(first.MessageId!.Value, 23, T0 + 24_000, "🔥"));

        await AssertRowsAsync(store, messagesOf20: 4, messagesOf21: 2, thumbs: 3, fires: 0, joins: 3, leaves: 1, deleted: 1);
    }

    [Fact]
    public async Task Write_ThousandsOfRollupRowsInOneBatch_StoreEachRowsOwnSum()
    {
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        await store.WriteAsync(Guild(GuildId, "Many", T0), Channel(GuildId, General, "general", T0), Channel(GuildId, Random, "random", T0));
        var events = new List<IngestEvent>();
        var expected = new Dictionary<(int Day, ulong Channel, ulong Member), int>();
        for (var i = 0; i < 4_000; i++)
        {
            // 600 members over two channels and three days, each (day, channel, member) a different number of times.
            var (member, channel, day) = ((ulong)(1_000 + (i * 7 % 600)), i % 5 == 0 ? Random : General, i % 3);
            var at = T0 + (day * 86_400_000L) + (i * 1_000L);
            events.Add(Message(GuildId, channel, member, at, n: (ulong)i));
            expected[(Day + day, channel, member)] = expected.GetValueOrDefault((Day + day, channel, member)) + 1;
        }

        await store.WriteAsync([.. events]);

        await using var db = store.NewContext();
        var members = await db.MemberDailyRollups.Where(r => r.GuildId == (long)GuildId).ToListAsync();
        var byMemberDay = expected.GroupBy(e => (e.Key.Day, e.Key.Member)).ToDictionary(g => g.Key, g => g.Sum(e => e.Value));
        Assert.Equal(byMemberDay.Count, members.Count);
        Assert.All(members, r => Assert.Equal(byMemberDay[(r.Day, (ulong)r.UserId)], r.MessagesSent));
        var channels = await db.ChannelDailyRollups.Where(r => r.GuildId == (long)GuildId).ToListAsync();
        var byChannelDay = expected.GroupBy(e => (e.Key.Day, e.Key.Channel)).ToDictionary(g => g.Key, g => g.Sum(e => e.Value));
        Assert.Equal(byChannelDay.Count, channels.Count);
        Assert.All(channels, r => Assert.Equal(byChannelDay[(r.Day, (ulong)r.ChannelId)], r.MessageCount));
        var hours = await db.ChannelDayQuarterHours.Where(r => r.GuildId == (long)GuildId).ToListAsync();
        Assert.Equal(byChannelDay.Count, hours.Count);
        Assert.All(hours, r => Assert.Equal(byChannelDay[(r.Day, (ulong)r.ChannelId)], QuarterHours(r).Sum()));
    }

    private async Task AssertRowsAsync(TempSqliteStore store, long messagesOf20, long messagesOf21, long thumbs, long fires, long joins, long leaves, long deleted)
    {
        await using var db = store.NewContext();
        var guild = (long)GuildId;
        var humans = await db.ChannelDailyRollups.SingleAsync(r => r.GuildId == guild && r.ChannelId == (long)General && !r.IsBot);
        Assert.Equal(
            (messagesOf20 + messagesOf21, thumbs + fires, deleted),
            (humans.MessageCount, humans.ReactionCount, humans.DeletedCount));
        Assert.Equal(1, (await db.ChannelDailyRollups.SingleAsync(r => r.GuildId == guild && r.IsBot)).MessageCount);

        var members = await db.MemberDailyRollups.Where(r => r.GuildId == guild && r.Day == Day).ToDictionaryAsync(r => r.UserId);
        Assert.Equal(messagesOf20, members[20].MessagesSent);
        Assert.Equal(messagesOf21, members[21].MessagesSent);
        Assert.Equal(1, members[21].ReactionsAdded);
        Assert.Equal(1, members[90].MessagesSent);
        Assert.True(members[90].IsBot);

        var days = await db.GuildDailyRollups.SingleAsync(r => r.GuildId == guild && r.Day == Day && !r.IsBot);
        Assert.Equal((joins, leaves), (days.Joins, days.Leaves));

        var kinds = await db.MessageKindDays.SingleAsync(r => r.GuildId == guild && r.Day == Day && !r.IsBot);
        var counted = messagesOf20 + messagesOf21;
        Assert.Equal((counted, counted, counted, counted * Linked.Length), (kinds.Messages, kinds.WithAttachments, kinds.WithLinks, kinds.TotalLength));

        var emojis = await db.EmojiDays.Where(r => r.GuildId == guild && !r.IsBot).ToDictionaryAsync(r => r.Emoji, r => r.Count);
        Assert.Equal(thumbs, emojis["👍"]);
        // An emoji whose reactions all went leaves the day.
        Assert.Equal(fires, emojis.GetValueOrDefault("🔥"));
        Assert.Equal(fires > 0, emojis.ContainsKey("🔥"));

        var content = await db.TopContentDaily.SingleAsync(r => r.GuildId == guild);
        Assert.Equal(thumbs + fires, content.ReactionScore);

        var hours = await db.ChannelDayQuarterHours.SingleAsync(r => r.GuildId == guild && r.ChannelId == (long)General && !r.IsBot);
        var quarters = QuarterHours(hours);
        // Every human message is in the day's first quarter hour after 09:00 but the second batch's (still 09:00-09:15).
        Assert.Equal(messagesOf20 + messagesOf21, quarters[QuarterHourCounts.IndexOf(T0)]);
        Assert.Equal(messagesOf20 + messagesOf21, quarters.Sum());
    }

    private static long[] QuarterHours(ChannelDayQuarterHours row)
    {
        var counts = new long[QuarterHourCounts.PerDay];
        QuarterHourCounts.AddTo(row.MessageCounts, counts);
        return counts;
    }

    private static IngestEvent Removal(ulong message, ulong reactor, long at, string emoji) =>
        Reaction(GuildId, General, message, reactor, at, emoji) with { Type = IngestEventType.ReactionRemove };

    public sealed class OnSqlite() : RollupBatchTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : RollupBatchTests(StoreProvider.Postgres);
}
