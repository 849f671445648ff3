using System.Text.Json;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Tests.Discord;

/// <summary>
/// A scripted stretch of guild activity as Discord would send it (dispatch name + JSON), together with
/// the same activity as normalized events, so the test can compute the ground truth independently.
/// </summary>
public sealed class GatewayScript
{
    public const ulong GuildId = 849_255_963_033_600_000;
    public const string GuildName = "Scripted Guild";
    public static readonly ulong[] Channels = [849_255_963_033_600_003, 849_255_963_033_600_004, 849_255_963_033_600_005];
    private static readonly ulong[] Humans = [309_029_033_213_952_000, 646_617_023_643_648_000, 1_323_395_874_553_856_000, 700_000_000_000_000_001, 700_000_000_000_000_002];
    private const ulong Bot = 741_568_415_793_152_000;

    public List<(string Event, string Json)> Dispatches { get; } = [];

    public List<IngestEvent> Expected { get; } = [];

    public string GuildCreateJson { get; private set; } = string.Empty;

    public static GatewayScript Build(int seed, long fromMs, long toMs, int steps)
    {
        var script = new GatewayScript();
        var random = new Random(seed);
        script.GuildCreateJson = JsonSerializer.Serialize(new
        {
            id = GuildId.ToString(),
            name = GuildName,
            channels = Channels.Select((c, i) => new { id = c.ToString(), type = 0, name = $"room-{i}" }),
            threads = Array.Empty<object>(),
            members = Array.Empty<object>(),
        });

        var messages = new List<(ulong Id, ulong Channel)>();
        ulong? thread = null;
        ulong lastId = 0;
        var span = toMs - fromMs;
        for (var i = 0; i < steps; i++)
        {
            var at = fromMs + (span * i / steps);
            var roll = random.Next(100);
            var human = Humans[random.Next(Humans.Length)];
            if (roll < 40 || messages.Count == 0)
            {
                var id = Math.Max(Snowflake.FromUnixMs(at), lastId + 1);
                lastId = id;
                var isBot = random.Next(10) == 0;
                var author = isBot ? Bot : human;
                var channel = thread is { } t && random.Next(4) == 0 ? t : Channels[random.Next(Channels.Length)];
                messages.Add((id, channel));
                script.Add("MESSAGE_CREATE", new
                {
                    id = id.ToString(), channel_id = channel.ToString(), guild_id = GuildId.ToString(), type = 0, content = $"scripted message {i}",
                    timestamp = DateTimeOffset.FromUnixTimeMilliseconds(Snowflake.ToUnixMs(id)).ToString("O"), edited_timestamp = (string?)null,
                    author = new { id = author.ToString(), username = $"user{author % 1000}", bot = isBot },
                    member = isBot ? null : new { nick = $"Nick {author % 1000}", roles = Array.Empty<string>() },
                }, new IngestEvent
                {
                    Type = IngestEventType.MessageCreate, GuildId = GuildId, EventAt = Snowflake.ToUnixMs(id), ChannelId = channel, MessageId = id,
                    UserId = author, IsBot = isBot, Excerpt = $"scripted message {i}",
                });
                continue;
            }

            var (message, messageChannel) = messages[random.Next(Math.Max(0, messages.Count - 30), messages.Count)];
            var emoji = random.Next(3) switch { 0 => "👍", 1 => "🔥", _ => "🎉" };
            switch (roll)
            {
                case < 80:
                    script.Reaction("MESSAGE_REACTION_ADD", IngestEventType.ReactionAdd, message, messageChannel, human, emoji, at);
                    break;
                case < 90:
                    script.Reaction("MESSAGE_REACTION_REMOVE", IngestEventType.ReactionRemove, message, messageChannel, human, emoji, at);
                    break;
                case < 93:
                    script.Add("MESSAGE_DELETE", new { id = message.ToString(), channel_id = messageChannel.ToString(), guild_id = GuildId.ToString() },
                        new IngestEvent { Type = IngestEventType.MessageDelete, GuildId = GuildId, EventAt = at, ChannelId = messageChannel, MessageId = message });
                    break;
                case < 95:
                    script.Add("MESSAGE_REACTION_REMOVE_ALL", new { channel_id = messageChannel.ToString(), message_id = message.ToString(), guild_id = GuildId.ToString() },
                        new IngestEvent { Type = IngestEventType.ReactionRemoveAll, GuildId = GuildId, EventAt = at, ChannelId = messageChannel, MessageId = message });
                    break;
                case < 97 when thread is null:
                    thread = message;
                    var parent = messageChannel;
                    script.Add("THREAD_CREATE", new
                    {
                        id = message.ToString(), guild_id = GuildId.ToString(), parent_id = parent.ToString(), type = 11, name = "scripted thread",
                        owner_id = human.ToString(), newly_created = true,
                    }, new IngestEvent
                    {
                        Type = IngestEventType.ThreadCreate, GuildId = GuildId, EventAt = at, ChannelId = message, ParentId = parent, UserId = human,
                        Name = "scripted thread", ChannelType = ChannelTypes.PublicThread,
                    });
                    break;
                case < 99:
                    var newcomer = 800_000_000_000_000_000 + (ulong)i;
                    script.Add("GUILD_MEMBER_ADD", new
                    {
                        guild_id = GuildId.ToString(), user = new { id = newcomer.ToString(), username = $"newcomer{i}" }, roles = Array.Empty<string>(),
                        joined_at = DateTimeOffset.FromUnixTimeMilliseconds(at).ToString("O"), deaf = false, mute = false, flags = 0,
                    }, new IngestEvent { Type = IngestEventType.MemberAdd, GuildId = GuildId, EventAt = at, UserId = newcomer });
                    break;
                default:
                    var bulk = messages.Skip(Math.Max(0, messages.Count - 40)).Take(2).Where(m => m.Channel == messageChannel).Select(m => m.Id).ToList();
                    if (bulk.Count == 0)
                    {
                        break;
                    }

                    script.Dispatches.Add(("MESSAGE_DELETE_BULK", JsonSerializer.Serialize(new
                    {
                        ids = bulk.Select(b => b.ToString()), channel_id = messageChannel.ToString(), guild_id = GuildId.ToString(),
                    })));
                    script.Expected.AddRange(bulk.Select(b => new IngestEvent
                    {
                        Type = IngestEventType.MessageDelete, GuildId = GuildId, EventAt = at, ChannelId = messageChannel, MessageId = b,
                    }));
                    break;
            }
        }

        return script;
    }

    private void Add(string eventName, object data, IngestEvent expected)
    {
        Dispatches.Add((eventName, JsonSerializer.Serialize(data)));
        Expected.Add(expected);
    }

    private void Reaction(string eventName, IngestEventType type, ulong message, ulong channel, ulong user, string emoji, long at) => Add(
        eventName,
        new
        {
            user_id = user.ToString(), channel_id = channel.ToString(), message_id = message.ToString(), guild_id = GuildId.ToString(),
            emoji = new { id = (string?)null, name = emoji }, burst = false, type = 0,
        },
        new IngestEvent
        {
            Type = type, GuildId = GuildId, EventAt = at, ChannelId = channel, MessageId = message, UserId = user, Emoji = emoji,
        });
}
