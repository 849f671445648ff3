using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Infrastructure;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics;

/// <summary>
/// A random support-heavy stream for <see cref="SupportSignalsGroundTruthTests"/>: conversations directly in channels
/// (replies to recent messages, bots, gaps from a minute to more than a day), forum posts and threads started from a
/// channel message, each with a few replies; then deletes (some before their create), edits, duplicates, a forget of
/// one member, and a share of events delivered late, out of order. A thread's create always comes before the events in
/// it (the writer places a message by the threads it knows).
/// </summary>
public static class SupportEventStream
{
    public const ulong GuildId = 8_800;
    public const ulong HelpDesk = 8_801;
    public const ulong Forum = 8_802;
    public const ulong General = 8_803;
    public const ulong Moderator = 8_810;
    public const ulong Bot = 8_811;
    public static readonly ulong[] Humans = [8_820, 8_821, 8_822, 8_823, 8_824];

    /// <summary>The setup events (guild, channels, members), then the shuffled activity.</summary>
    public static (List<IngestEvent> Setup, List<IngestEvent> Activity, ulong Forgotten) Generate(int seed, long endAt, int days)
    {
        var random = new Random(seed);
        var startAt = endAt - (days * 86_400_000L);
        var setup = new List<IngestEvent>
        {
            Guild(GuildId, "support ground truth", startAt - 1_000),
            Channel(GuildId, HelpDesk, "help-desk", startAt - 1_000),
            Channel(GuildId, Forum, "forum", startAt - 1_000, type: ChannelTypes.Forum),
            Channel(GuildId, General, "general", startAt - 1_000),
        };
        setup.AddRange(Humans.Append(Moderator).Select(u => Member(GuildId, u, $"m{u}", startAt - 1_000)));
        setup.Add(Member(GuildId, Bot, "bot", startAt - 1_000, bot: true));

        var events = new List<IngestEvent>();
        var messages = new List<IngestEvent>();
        ulong n = 0;
        IngestEvent Post(ulong channel, long at, ulong? replyTo)
        {
            var bot = random.NextDouble() < 0.1;
            var author = bot ? Bot : Humans[random.Next(Humans.Length)];
            var message = Message(GuildId, channel, author, at, ++n, bot: bot) with { ReferencedMessageId = replyTo };
            messages.Add(message);
            events.Add(message);
            return message;
        }

        long Gap() => random.Next(4) switch
        {
            0 => random.Next(1, 30) * 60_000L,
            1 => random.Next(30, 300) * 60_000L,
            2 => random.Next(5, 23) * 3_600_000L,
            _ => random.Next(23 * 60, 30 * 60) * 60_000L,
        };

        foreach (var channel in new[] { HelpDesk, General })
        {
            var recent = new List<ulong>();
            for (var at = startAt + Gap(); at < endAt; at += Gap() / 3)
            {
                var replyTo = recent.Count > 0 && random.NextDouble() < 0.25 ? recent[random.Next(recent.Count)] : (ulong?)null;
                var message = Post(channel, at, replyTo);
                recent.Add(message.MessageId!.Value);
                if (recent.Count > 4)
                {
                    recent.RemoveAt(0);
                }

                if (channel == HelpDesk && random.NextDouble() < 0.15)
                {
                    // A thread started from this message: its id is the thread's.
                    Thread(message.MessageId.Value, channel, at);
                }
            }
        }

        for (var at = startAt + Gap(); at < endAt; at += Gap())
        {
            // A forum post: the thread and its first message share an id.
            var post = MessageId(at, ++n);
            events.Add(TestEvents.Thread(GuildId, Forum, post, Moderator, "post", at));
            var author = Humans[random.Next(Humans.Length)];
            var first = new IngestEvent { Type = IngestEventType.MessageCreate, GuildId = GuildId, ChannelId = post, MessageId = post, UserId = author, EventAt = at };
            messages.Add(first);
            events.Add(first);
            Replies(post, at);
        }

        void Thread(ulong thread, ulong parent, long at)
        {
            events.Add(TestEvents.Thread(GuildId, parent, thread, Moderator, "thread", at + 1));
            Replies(thread, at);
        }

        void Replies(ulong thread, long at)
        {
            for (var i = random.Next(4); i > 0; i--)
            {
                at += Gap();
                if (at < endAt)
                {
                    Post(thread, at, null);
                }
            }
        }

        foreach (var message in messages.Where(_ => random.NextDouble() < 0.08).ToList())
        {
            events.Add(Delete(GuildId, message.ChannelId!.Value, message.MessageId!.Value, message.EventAt + random.Next(1, 86_400_000)));
        }

        foreach (var message in messages.Where(_ => random.NextDouble() < 0.05).ToList())
        {
            events.Add(new IngestEvent { Type = IngestEventType.MessageUpdate, GuildId = GuildId, ChannelId = message.ChannelId, MessageId = message.MessageId, EventAt = message.EventAt + 5_000, EditedAt = message.EventAt + 5_000, Excerpt = "edited" });
        }

        events.AddRange(events.Where(_ => random.NextDouble() < 0.05).ToList());
        var forgotten = Humans[random.Next(Humans.Length)];
        events.Add(new IngestEvent { Type = IngestEventType.MemberForget, GuildId = GuildId, UserId = forgotten, EventAt = startAt + ((endAt - startAt) / 2) });
        return (setup, Deliver(events, random), forgotten);
    }

    /// <summary>
    /// In time order but for about one event in six, which arrives late: anywhere after, or at the very end (a backfill
    /// that fills in the past after the present is stored); thread creates first.
    /// </summary>
    private static List<IngestEvent> Deliver(List<IngestEvent> events, Random random)
    {
        var ordered = events.OrderBy(e => e.EventAt).ToList();
        foreach (var late in ordered.Where(_ => random.NextDouble() < 0.08).ToList())
        {
            var from = ordered.IndexOf(late);
            ordered.RemoveAt(from);
            ordered.Insert(random.Next(from, ordered.Count + 1), late);
        }

        var isBackfill = ordered.Select(_ => random.NextDouble() < 0.08).ToList();
        ordered = [.. ordered.Where((_, i) => !isBackfill[i]), .. ordered.Where((_, i) => isBackfill[i]).OrderBy(_ => random.Next())];

        foreach (var create in ordered.Where(e => e.Type == IngestEventType.ThreadCreate).ToList())
        {
            var firstInside = ordered.FindIndex(e => e.Type != IngestEventType.ThreadCreate && e.ChannelId == create.ChannelId);
            if (firstInside >= 0 && firstInside < ordered.IndexOf(create))
            {
                ordered.Remove(create);
                ordered.Insert(firstInside, create);
            }
        }

        return ordered;
    }
}
