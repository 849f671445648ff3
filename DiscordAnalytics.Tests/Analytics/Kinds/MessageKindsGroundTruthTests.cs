using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Emojis;
using DiscordAnalytics.Core.Analytics.Kinds;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics.Kinds;

/// <summary>
/// Messages by kind and top emojis against a brute force over a generated stream: messages with random kinds and
/// lengths, replies, edits out of order (some before their create), deletes (some before their create), reactions added,
/// removed and re-added, everything partly shuffled, duplicated and written in random batches, then a member forgotten.
/// The content of each create and edit is pieced together from known emojis (custom, animated, skin tones, ZWJ, flags,
/// keycaps) and text that is not one (a text-style heart, digits, ©, ™), so the typed emojis have a truth too.
/// </summary>
public abstract class MessageKindsGroundTruthTests(StoreProvider provider)
{
    private const ulong G = 8_500, General = 8_501;
    private static readonly ulong[] Members = [8_511, 8_512, 8_513, 8_514, 8_515];
    private static readonly string[] EmojiPool = ["👍", "🎉", "❤️", "party:901", "wave:902"];
    private static readonly (string Typed, string? Counted)[] ContentPool =
    [
        ("gm", null), ("see you", null), ("👍", "👍"), ("👍🏽", "👍🏽"), ("👨‍👩‍👧", "👨‍👩‍👧"), ("🇫🇷", "🇫🇷"), ("1️⃣", "1️⃣"), ("❤️", "❤️"),
        ("🎉", "🎉"), ("<:party:901>", "party:901"), ("<a:dance:903>", "dance:903"), ("❤", null), ("5", null), ("#", null), ("©", null), ("™", null),
    ];

    private static readonly int Today = DayBucket.FromUnixMs(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds());

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Run_GeneratedStream_MatchesTheBruteForce(int seed)
    {
        var random = new Random(seed);
        var stream = new List<(long Order, IngestEvent Event)>();
        var messages = new List<Generated>();
        for (var i = 0; i < 120; i++)
        {
            var created = DayBucket.StartMs(Today - random.Next(0, 14)) + random.Next(0, 86_400_000);
            var author = Members[random.Next(Members.Length)];
            var reply = random.Next(4) == 0 ? (ulong?)(1_000 + (ulong)i) : null;
            var create = Message(G, General, author, created, (ulong)i, "m", shape: RandomShape(random), replyTo: reply);
            var message = new Generated(create, author, create.MessageId!.Value);
            messages.Add(message);
            message.CreateOrder = Add(create, created);
            foreach (var _ in Enumerable.Range(0, random.Next(0, 3)))
            {
                var editedAt = created + random.Next(1_000, 3_600_000);
                var edit = Edit(G, General, message.Id, author, editedAt, "e", RandomShape(random));
                message.Edits.Add((Add(edit, created + random.Next(-600_000, 7_200_000)), edit));
            }

            if (random.Next(6) == 0)
            {
                message.DeleteOrder = Add(Delete(G, General, message.Id, created + 10_000), created + random.Next(-600_000, 7_200_000));
            }

            foreach (var _ in Enumerable.Range(0, random.Next(0, 5)))
            {
                var (reactor, emoji) = (Members[random.Next(Members.Length)], EmojiPool[random.Next(EmojiPool.Length)]);
                var at = created + random.Next(1_000, 3_600_000);
                var add = Reaction(G, General, message.Id, reactor, at, emoji);
                message.Reactions.Add((Add(add, at), add));
                if (random.Next(3) == 0)
                {
                    var removeAt = at + random.Next(-500_000, 500_000);
                    var remove = add with { Type = IngestEventType.ReactionRemove, EventAt = removeAt };
                    message.Reactions.Add((Add(remove, removeAt), remove));
                }
            }
        }

        long Add(IngestEvent e, long arrival)
        {
            // Arrival order: roughly by time, with late deliveries, and one in ten delivered twice.
            var at = arrival + random.Next(0, 1_800_000);
            stream.Add((at, e));
            if (random.Next(10) == 0)
            {
                stream.Add((at + random.Next(0, 3_600_000), e));
            }

            return at;
        }

        var forgotten = Members[random.Next(Members.Length)];
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        await store.WriteAsync(Guild(G, "truth", DayBucket.StartMs(Today - 30)), Channel(G, General, "general", DayBucket.StartMs(Today - 30)));
        var ordered = stream.OrderBy(s => s.Order).Select(s => s.Event).ToList();
        for (var next = 0; next < ordered.Count;)
        {
            var size = random.Next(1, 40);
            await store.WriteAsync([.. ordered.Skip(next).Take(size)]);
            next += size;
        }

        var query = new AnalyticsQuery(G, AnalyticsWindow.Last(7, Today), AnalyticsQuery.MaxTop, IncludeBots: false);
        Assert.Equal(Truth(messages, query.Window, null), (await new MessageKindsQuery(store).RunAsync(query, CancellationToken.None)).Current);
        Assert.Equal(Truth(messages, query.Window.Previous, null), (await new MessageKindsQuery(store).RunAsync(query, CancellationToken.None)).Previous);
        Assert.Equal(EmojiTruth(messages, query.Window, null), await new TopEmojisQuery(store).RunAsync(query, CancellationToken.None));
        var typed = ContentEmojiTruth(messages, query.Window, null);
        Assert.Equal(typed, await new TopEmojisQuery(store).RunAsync(query, EmojiSource.Messages, CancellationToken.None));
        Assert.True(typed.Count >= 5, "the stream should type several emojis");

        await store.WriteAsync(Forget(G, forgotten, DayBucket.StartMs(Today) + 1));

        Assert.Equal(Truth(messages, query.Window, forgotten), (await new MessageKindsQuery(store).RunAsync(query, CancellationToken.None)).Current);
        Assert.Equal(EmojiTruth(messages, query.Window, forgotten), await new TopEmojisQuery(store).RunAsync(query, CancellationToken.None));
        Assert.Equal(ContentEmojiTruth(messages, query.Window, forgotten), await new TopEmojisQuery(store).RunAsync(query, EmojiSource.Messages, CancellationToken.None));
    }

    /// <summary>A shape measured from content pieced from <see cref="ContentPool"/>; the pieces' emojis are the truth kept beside it.</summary>
    private static MessageShape RandomShape(Random random)
    {
        var pieces = Enumerable.Range(0, random.Next(0, 6)).Select(_ => ContentPool[random.Next(ContentPool.Length)]).ToList();
        var measured = MessageShape.Of(string.Join(' ', pieces.Select(p => p.Typed)), 0, 0);
        var shape = new MessageShape(random.Next(0, 400), random.Next(4) == 0 ? random.Next(1, 3) : 0, random.Next(5) == 0 ? 1 : 0, random.Next(3) == 0) { Emojis = measured.Emojis };
        TypedEmojis.Add(shape, [.. pieces.Where(p => p.Counted is not null).Select(p => p.Counted!)]);
        return shape;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<MessageShape, List<string>> TypedEmojis = new();

    /// <summary>Each emoji typed in the counted messages (as <see cref="Truth"/> picks them, the newest applied edit's content), each use once.</summary>
    private static List<EmojiStat> ContentEmojiTruth(List<Generated> messages, AnalyticsWindow window, ulong? forgotten) =>
        [.. messages
            .Where(m => m.DeleteOrder is null && m.Author != forgotten && InWindow(m.Create.EventAt, window))
            .SelectMany(m => TypedEmojis.TryGetValue(Newest(m), out var typed) ? typed : [])
            .GroupBy(e => e)
            .Select(g => new EmojiStat(g.Key, g.Count()))
            .OrderByDescending(e => e.Count)
            .ThenBy(e => e.Emoji, StringComparer.Ordinal)];

    private static MessageShape Newest(Generated m) =>
        m.Edits.Where(e => e.Order > m.CreateOrder).OrderByDescending(e => e.Edit.EditedAt).Select(e => e.Edit.Shape).FirstOrDefault() ?? m.Create.Shape!;

    /// <summary>
    /// A message counts when it was created and never deleted. What it carries: its create's, or the newest edit's among
    /// the edits that arrived after the create (an edit arriving before its message has nothing to change); a reply stays a reply.
    /// </summary>
    private static MessageKindStats Truth(List<Generated> messages, AnalyticsWindow window, ulong? forgotten)
    {
        var counted = messages
            .Where(m => m.DeleteOrder is null && m.Author != forgotten && InWindow(m.Create.EventAt, window))
            .Select(m => (Shape: Newest(m), IsReply: m.Create.ReferencedMessageId is not null))
            .ToList();
        return counted.Count == 0
            ? MessageKindStats.Empty
            : new MessageKindStats(
                counted.Count,
                counted.Count(c => c.Shape.Attachments > 0),
                counted.Count(c => c.Shape.HasLink),
                counted.Count(c => c.IsReply),
                counted.Count(c => c.Shape.Mentions > 0),
                Math.Round((double)counted.Sum(c => (long)c.Shape.Length) / counted.Count, 1, MidpointRounding.AwayFromZero));
    }

    /// <summary>
    /// A reaction (message, emoji, reactor) is present when its latest add is newer than its latest remove (a tie: removed),
    /// on a message that is not deleted; it counts on its message's day.
    /// </summary>
    private static List<EmojiStat> EmojiTruth(List<Generated> messages, AnalyticsWindow window, ulong? forgotten) =>
        [.. messages
            .Where(m => m.DeleteOrder is null && m.Author != forgotten && InWindow(m.Create.EventAt, window))
            .SelectMany(m => m.Reactions.Select(r => r.Event))
            .Where(r => r.UserId != forgotten)
            .GroupBy(r => (r.Emoji, r.UserId, r.MessageId))
            .Where(g => g.Where(r => r.Type == IngestEventType.ReactionAdd).Max(r => r.EventAt)
                > g.Where(r => r.Type == IngestEventType.ReactionRemove).Select(r => r.EventAt).DefaultIfEmpty(long.MinValue).Max())
            .GroupBy(g => g.Key.Emoji!)
            .Select(g => new EmojiStat(g.Key, g.Count()))
            .OrderByDescending(e => e.Count)
            .ThenBy(e => e.Emoji, StringComparer.Ordinal)];

    private static bool InWindow(long at, AnalyticsWindow window) => at >= window.StartAt && at < window.EndAt;

    private sealed class Generated(IngestEvent create, ulong author, ulong id)
    {
        public IngestEvent Create { get; } = create;

        public ulong Author { get; } = author;

        public ulong Id { get; } = id;

        public long CreateOrder { get; set; }

        public long? DeleteOrder { get; set; }

        public List<(long Order, IngestEvent Edit)> Edits { get; } = [];

        public List<(long Order, IngestEvent Event)> Reactions { get; } = [];
    }

    public sealed class OnSqlite() : MessageKindsGroundTruthTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : MessageKindsGroundTruthTests(StoreProvider.Postgres);
}
