using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Tests.Ingestion;

/// <summary>
/// A random but seeded stream of normalized events with everything that makes counting hard: exact
/// duplicates, reaction add/remove churn, remove-all and remove-emoji, deletes (some before their
/// create), reactions on messages never seen, thread messages, bots, joins and leaves.
/// </summary>
public static class RandomEventStream
{
    public const ulong GuildId = 777_000_000_000_000_001;
    public const ulong ThreadId = 2_000;
    public const ulong ThreadParentId = 1_001;

    public static ulong[] Channels { get; } = [1_001, 1_002, 1_003, 1_004, 1_005];

    public static bool IsBot(ulong user) => user >= 5_027;

    public static List<IngestEvent> Generate(int seed, int activity, long endAt, int days)
    {
        var random = new Random(seed);
        var startAt = endAt - (days * 86_400_000L);
        var users = Enumerable.Range(5_000, 30).Select(u => (ulong)u).ToArray();
        var events = new List<IngestEvent>
        {
            new() { Type = IngestEventType.GuildUpsert, GuildId = GuildId, EventAt = startAt, Name = "Ground Truth Guild" },
        };
        events.AddRange(Channels.Select(c => new IngestEvent
        {
            Type = IngestEventType.ChannelUpsert, GuildId = GuildId, EventAt = startAt, ChannelId = c, Name = $"channel-{c}", ChannelType = ChannelTypes.Text,
        }));
        events.AddRange(users.Select(u => new IngestEvent
        {
            Type = IngestEventType.MemberUpsert, GuildId = GuildId, EventAt = startAt, UserId = u, Name = $"member-{u}", IsBot = IsBot(u),
        }));
        events.Add(new IngestEvent
        {
            Type = IngestEventType.ThreadCreate, GuildId = GuildId, EventAt = startAt + 1, ChannelId = ThreadId, ParentId = ThreadParentId,
            Name = "a thread", ChannelType = ChannelTypes.PublicThread, UserId = users[0],
        });

        var messages = new List<(ulong Id, ulong Channel)>();
        var emojis = new[] { "👍", "🔥", "party:42" };
        ulong lastId = 0;
        for (var i = 0; i < activity; i++)
        {
            var at = startAt + (long)(random.NextDouble() * (endAt - startAt - 1000));
            var user = users[(int)(users.Length * Math.Pow(random.NextDouble(), 2))];
            var roll = random.Next(100);
            IngestEvent e;
            if (roll < 35 || messages.Count == 0)
            {
                var id = Math.Max(Snowflake.FromUnixMs(at) + (ulong)random.Next(1 << 12), lastId + 1);
                lastId = id;
                var channel = random.Next(6) == 0 ? ThreadId : Channels[random.Next(Channels.Length)];
                messages.Add((id, channel));
                e = new IngestEvent
                {
                    Type = IngestEventType.MessageCreate, GuildId = GuildId, EventAt = Snowflake.ToUnixMs(id), ChannelId = channel,
                    MessageId = id, UserId = user, IsBot = IsBot(user), Excerpt = $"message {i}",
                };
            }
            else if (roll < 40)
            {
                // A reaction on a message we never see created.
                var unknown = Snowflake.FromUnixMs(at) + 1_000_000 + (ulong)random.Next(1000);
                e = Reaction(IngestEventType.ReactionAdd, unknown, Channels[random.Next(Channels.Length)], user, emojis[random.Next(emojis.Length)], at);
            }
            else
            {
                var (message, channel) = messages[random.Next(Math.Max(0, messages.Count - 50), messages.Count)];
                var later = Math.Max(at, Snowflake.ToUnixMs(message) + 1);
                e = roll switch
                {
                    < 72 => Reaction(IngestEventType.ReactionAdd, message, channel, user, emojis[random.Next(emojis.Length)], later),
                    < 82 => Reaction(IngestEventType.ReactionRemove, message, channel, user, emojis[random.Next(emojis.Length)], later),
                    < 84 => new IngestEvent { Type = IngestEventType.ReactionRemoveAll, GuildId = GuildId, EventAt = later, ChannelId = channel, MessageId = message },
                    < 86 => new IngestEvent { Type = IngestEventType.ReactionRemoveEmoji, GuildId = GuildId, EventAt = later, ChannelId = channel, MessageId = message, Emoji = emojis[random.Next(emojis.Length)] },
                    < 90 => new IngestEvent { Type = IngestEventType.MessageDelete, GuildId = GuildId, EventAt = later, ChannelId = channel, MessageId = message },
                    < 93 => new IngestEvent { Type = IngestEventType.MessageUpdate, GuildId = GuildId, EventAt = later, ChannelId = channel, MessageId = message, EditedAt = later, Excerpt = "edited" },
                    < 95 => new IngestEvent { Type = IngestEventType.ThreadCreate, GuildId = GuildId, EventAt = later, ChannelId = message, ParentId = channel == ThreadId ? ThreadParentId : channel, UserId = user, IsBot = IsBot(user), Name = "thread", ChannelType = ChannelTypes.PublicThread },
                    < 98 => new IngestEvent { Type = IngestEventType.MemberAdd, GuildId = GuildId, EventAt = at, UserId = user, IsBot = IsBot(user), Name = $"member-{user}" },
                    _ => new IngestEvent { Type = IngestEventType.MemberRemove, GuildId = GuildId, EventAt = at, UserId = user, IsBot = IsBot(user) },
                };
            }

            events.Add(e);

            // Redeliveries: the same event again, right away or a little later (gateway replays, retries).
            if (random.Next(10) == 0)
            {
                events.Insert(random.Next(Math.Max(0, events.Count - 20), events.Count + 1), e);
            }

            // A delete that overtakes its create.
            if (e.Type == IngestEventType.MessageCreate && random.Next(40) == 0)
            {
                events.Insert(events.Count - 1, new IngestEvent { Type = IngestEventType.MessageDelete, GuildId = GuildId, EventAt = e.EventAt + 5, ChannelId = e.ChannelId, MessageId = e.MessageId });
            }
        }

        return events;
    }

    private static IngestEvent Reaction(IngestEventType type, ulong message, ulong channel, ulong user, string emoji, long at) => new()
    {
        Type = type, GuildId = GuildId, EventAt = at, ChannelId = channel, MessageId = message, UserId = user, IsBot = IsBot(user), Emoji = emoji,
    };
}
