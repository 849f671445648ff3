using System.Text.Json;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Tests.Discord.Replay;

/// <summary>
/// A seeded stream of guild activity as gateway dispatches, delivered the way Discord may deliver it:
/// in windows ("batches") of <c>window</c> logical events, shuffled within the window, with about 10% of
/// the deliveries being redeliveries of an event of the same window.
/// <para>
/// What the shuffle may reorder is limited to what has an order-free meaning. Creates, deletes, thread
/// creates and joins commute (tombstones make a delete that overtakes its create stick). Reactions and
/// edits are state without a version: Discord gives no way to tell a stale duplicate "add" from a real
/// re-add, so within one window a message gets at most one reaction/edit event; across windows order is kept.
/// Leaves (GUILD_MEMBER_REMOVE) carry no id or time: a redelivered leave is told from a second one by the
/// member's presence (a member who left leaves again only after a join), so leaves are redelivered too.
/// </para>
/// </summary>
public sealed class ReplayStream
{
    public const ulong GuildId = 849_255_963_033_700_000;
    public const string GuildName = "Replay Guild";
    public static readonly ulong[] Channels = [849_255_963_033_700_011, 849_255_963_033_700_012, 849_255_963_033_700_013, 849_255_963_033_700_014];
    private const ulong Bot = 741_568_415_793_152_001;
    // 1 in 10 deliveries is a redelivery: 1/9 per logical event.
    private const double DuplicateChance = 1.0 / 9;
    private static readonly (string Name, string? Id)[] Emojis = [("👍", null), ("🔥", null), ("party", "1111111111111111111")];

    private readonly Random _random;
    private readonly long _from;
    private readonly long _span;
    private readonly long _todayStart;
    private readonly int _expectedLogical;
    private readonly List<(ulong Id, ulong Channel)> _messages = [];
    private readonly List<(ulong Message, ulong Channel, ulong User, int Emoji)> _reactions = [];
    private readonly HashSet<ulong> _deleted = [];
    private readonly HashSet<ulong> _threaded = [];
    private readonly HashSet<ulong> _touched = [];
    private ulong _lastId;
    private int _logical;

    private ReplayStream(int seed, long nowMs, int days, int expectedLogical)
    {
        _random = new Random(seed);
        _from = nowMs - (days * 86_400_000L);
        _span = (nowMs - 60_000) - _from;
        _todayStart = DayBucket.StartMs(DayBucket.FromUnixMs(nowMs));
        _expectedLogical = expectedLogical;
    }

    public List<ReplayDelivery> Deliveries { get; } = [];

    public static string GuildCreateJson => JsonSerializer.Serialize(new
    {
        id = GuildId.ToString(),
        name = GuildName,
        channels = Channels.Select((c, i) => new { id = c.ToString(), type = 0, name = $"replay-{i}" }),
        threads = Array.Empty<object>(),
        members = Array.Empty<object>(),
    });

    /// <summary>Exactly <paramref name="deliveries"/> deliveries of activity over the <paramref name="days"/> days before <paramref name="nowMs"/>.</summary>
    public static ReplayStream Build(int seed, int deliveries, long nowMs, int days = 20, int window = 50)
    {
        var stream = new ReplayStream(seed, nowMs, days, (int)(deliveries / (1 + DuplicateChance)) + window);
        while (stream.Deliveries.Count < deliveries)
        {
            stream.AddWindow(window);
        }

        stream.Deliveries.RemoveRange(deliveries, stream.Deliveries.Count - deliveries);
        return stream;
    }

    private static ulong Human(int index) => 300_000_000_000_000_000UL + (ulong)index;

    private void AddWindow(int size)
    {
        _touched.Clear();
        var window = new List<ReplayDelivery>(size * 2);
        for (var i = 0; i < size; i++)
        {
            var delivery = Next();
            window.Add(delivery);
            if (_random.NextDouble() < DuplicateChance)
            {
                window.Add(delivery with { IsDuplicate = true });
            }
        }

        _random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(window));

        // The first delivery of a logical event is the original, wherever the shuffle put it.
        var seen = new HashSet<int>();
        Deliveries.AddRange(window.Select(d => d with { IsDuplicate = !seen.Add(d.Logical) }));
    }

    private ReplayDelivery Next()
    {
        var logical = _logical++;
        var at = _from + (_span * Math.Min(logical, _expectedLogical - 1) / _expectedLogical);

        // Events the store stamps with their receive time: unique per logical event, on today.
        var received = _todayStart + logical;
        var roll = _random.Next(100);
        if (roll >= 38 && PickTarget() is var (message, channel) && message != 0)
        {
            var user = Human(_random.Next(200));
            switch (roll)
            {
                case < 68:
                    return ReactionAdd(logical, message, channel, _random.Next(20) == 0 ? Bot : user, _random.Next(Emojis.Length), received);
                case < 76:
                    var (m, c, u, e) = _reactions.Count > 0 && _random.Next(10) < 7
                        ? PickRemovable(message, channel, user)
                        : (message, channel, user, _random.Next(Emojis.Length));
                    return ReactionRemove(logical, m, c, u, e, received);
                case < 77:
                    return Reaction(logical, "MESSAGE_REACTION_REMOVE_ALL", new { channel_id = channel.ToString(), message_id = message.ToString(), guild_id = GuildId.ToString() },
                        new IngestEvent { Type = IngestEventType.ReactionRemoveAll, GuildId = GuildId, EventAt = received, ChannelId = channel, MessageId = message });
                case < 78:
                    var emoji = _random.Next(Emojis.Length);
                    return Reaction(logical, "MESSAGE_REACTION_REMOVE_EMOJI", new { channel_id = channel.ToString(), message_id = message.ToString(), guild_id = GuildId.ToString(), emoji = EmojiJson(emoji) },
                        new IngestEvent { Type = IngestEventType.ReactionRemoveEmoji, GuildId = GuildId, EventAt = received, ChannelId = channel, MessageId = message, Emoji = EmojiKey(emoji) });
                case < 82 when _deleted.Add(message):
                    return new ReplayDelivery(logical, "MESSAGE_DELETE", Json(new { id = message.ToString(), channel_id = channel.ToString(), guild_id = GuildId.ToString() }),
                        new IngestEvent { Type = IngestEventType.MessageDelete, GuildId = GuildId, EventAt = received, ChannelId = channel, MessageId = message }, $"md|{message}", false);
                case < 86:
                    var editedAt = Math.Max(at, Snowflake.ToUnixMs(message) + 1);
                    return new ReplayDelivery(logical, "MESSAGE_UPDATE", Json(new
                    {
                        id = message.ToString(), channel_id = channel.ToString(), guild_id = GuildId.ToString(), type = 0, content = $"edited {logical}",
                        edited_timestamp = Iso(editedAt), author = new { id = user.ToString(), username = $"user{user % 1000}" },
                    }), new IngestEvent
                    {
                        Type = IngestEventType.MessageUpdate, GuildId = GuildId, EventAt = editedAt, EditedAt = editedAt, ChannelId = channel, MessageId = message,
                        UserId = user, Excerpt = $"edited {logical}",
                    }, $"mu|{message}|{editedAt}", false);
                case < 88 when _threaded.Add(message):
                    return new ReplayDelivery(logical, "THREAD_CREATE", Json(new
                    {
                        id = message.ToString(), guild_id = GuildId.ToString(), parent_id = channel.ToString(), type = 11, name = "replay thread",
                        owner_id = user.ToString(), newly_created = true,
                    }), new IngestEvent
                    {
                        Type = IngestEventType.ThreadCreate, GuildId = GuildId, EventAt = received, ChannelId = message, ParentId = channel, UserId = user,
                        Name = "replay thread", ChannelType = ChannelTypes.PublicThread,
                    }, $"tc|{message}", false);
                case >= 88 and < 94:
                    var newcomer = 900_000_000_000_000_000UL + (ulong)logical;
                    return new ReplayDelivery(logical, "GUILD_MEMBER_ADD", Json(new
                    {
                        guild_id = GuildId.ToString(), user = new { id = newcomer.ToString(), username = $"newcomer{logical}" }, roles = Array.Empty<string>(),
                        joined_at = Iso(at), deaf = false, mute = false, flags = 0,
                    }), new IngestEvent { Type = IngestEventType.MemberAdd, GuildId = GuildId, EventAt = at, UserId = newcomer }, $"ma|{newcomer}|{at}", false);
                case >= 94:
                    return new ReplayDelivery(logical, "GUILD_MEMBER_REMOVE", Json(new { guild_id = GuildId.ToString(), user = new { id = user.ToString(), username = $"user{user % 1000}" } }),
                        new IngestEvent { Type = IngestEventType.MemberRemove, GuildId = GuildId, EventAt = received, UserId = user }, null, false);
            }
        }

        return MessageCreate(logical, at);
    }

    private ReplayDelivery MessageCreate(int logical, long at)
    {
        var id = Math.Max(Snowflake.FromUnixMs(at), _lastId + 1);
        _lastId = id;
        var isBot = _random.Next(20) == 0;
        var author = isBot ? Bot : Human(_random.Next(200));
        var channel = Channels[_random.Next(Channels.Length)];
        _messages.Add((id, channel));
        return new ReplayDelivery(logical, "MESSAGE_CREATE", Json(new
        {
            id = id.ToString(), channel_id = channel.ToString(), guild_id = GuildId.ToString(), type = 0, content = $"replay message {logical}",
            timestamp = Iso(Snowflake.ToUnixMs(id)), edited_timestamp = (string?)null,
            author = new { id = author.ToString(), username = $"user{author % 1000}", bot = isBot },
            member = isBot ? null : new { nick = $"Member {author % 1000}", roles = Array.Empty<string>() },
        }), new IngestEvent
        {
            Type = IngestEventType.MessageCreate, GuildId = GuildId, EventAt = Snowflake.ToUnixMs(id), ChannelId = channel, MessageId = id,
            UserId = author, IsBot = isBot, Excerpt = $"replay message {logical}",
        }, $"mc|{id}", false);
    }

    private ReplayDelivery ReactionAdd(int logical, ulong message, ulong channel, ulong user, int emoji, long received)
    {
        var isBot = user == Bot;
        _reactions.Add((message, channel, user, emoji));
        return Reaction(logical, "MESSAGE_REACTION_ADD", new
        {
            user_id = user.ToString(), channel_id = channel.ToString(), message_id = message.ToString(), guild_id = GuildId.ToString(),
            member = new { user = new { id = user.ToString(), username = $"user{user % 1000}", bot = isBot }, roles = Array.Empty<string>() },
            emoji = EmojiJson(emoji), burst = false, type = 0,
        }, new IngestEvent
        {
            Type = IngestEventType.ReactionAdd, GuildId = GuildId, EventAt = received, ChannelId = channel, MessageId = message, UserId = user, IsBot = isBot,
            Emoji = EmojiKey(emoji),
        });
    }

    private ReplayDelivery ReactionRemove(int logical, ulong message, ulong channel, ulong user, int emoji, long received) =>
        Reaction(logical, "MESSAGE_REACTION_REMOVE", new
        {
            user_id = user.ToString(), channel_id = channel.ToString(), message_id = message.ToString(), guild_id = GuildId.ToString(),
            emoji = EmojiJson(emoji), burst = false, type = 0,
        }, new IngestEvent
        {
            Type = IngestEventType.ReactionRemove, GuildId = GuildId, EventAt = received, ChannelId = channel, MessageId = message, UserId = user,
            Emoji = EmojiKey(emoji),
        });

    private static ReplayDelivery Reaction(int logical, string name, object data, IngestEvent truth) => new(logical, name, Json(data), truth, null, false);

    /// <summary>A recent message not yet touched by a state event in this window (0 when there is none).</summary>
    private (ulong Message, ulong Channel) PickTarget()
    {
        for (var attempt = 0; attempt < 5 && _messages.Count > 0; attempt++)
        {
            var candidate = _messages[^(1 + _random.Next(Math.Min(300, _messages.Count)))];
            if (_touched.Add(candidate.Id))
            {
                return candidate;
            }
        }

        return (0, 0);
    }

    /// <summary>Most removals take back a reaction that was added (on an untouched message), the rest remove nothing.</summary>
    private (ulong, ulong, ulong, int) PickRemovable(ulong message, ulong channel, ulong user)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var r = _reactions[^(1 + _random.Next(Math.Min(200, _reactions.Count)))];
            if (r.Message == message || !_touched.Contains(r.Message))
            {
                _touched.Add(r.Message);
                return (r.Message, r.Channel, r.User, r.Emoji);
            }
        }

        return (message, channel, user, _random.Next(Emojis.Length));
    }

    private static object EmojiJson(int emoji) => new { id = Emojis[emoji].Id, name = Emojis[emoji].Name };

    private static string EmojiKey(int emoji) => Emojis[emoji].Id is { } id ? $"{Emojis[emoji].Name}:{id}" : Emojis[emoji].Name;

    private static string Iso(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("O");

    private static string Json(object data) => JsonSerializer.Serialize(data);
}
