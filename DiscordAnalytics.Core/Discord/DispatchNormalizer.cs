using System.Text.Json;
using DiscordAnalytics.Core.Ingestion;
using Microsoft.Extensions.Logging;
using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Core.Discord;

/// <summary>
/// Turns gateway dispatches (and REST objects of the same shapes) into <see cref="IngestEvent"/>s.
/// Pure apart from the clock: no state, no I/O. Unknown dispatch types yield nothing; malformed payloads
/// are logged (event name only, never content) and yield nothing. Never throws.
/// </summary>
public sealed partial class DispatchNormalizer
{
    /// <summary>Message types that are user chat: DEFAULT, REPLY, CHAT_INPUT_COMMAND, CONTEXT_MENU_COMMAND.</summary>
    private static readonly HashSet<int> ChatMessageTypes = [0, 19, 20, 23];

    private readonly TimeProvider _timeProvider;
    private readonly ILogger<DispatchNormalizer> _logger;
    private long _lastReceivedAt;

    /// <summary>Makes delivery ids unique across processes: a restarted app numbers its deliveries afresh.</summary>
    private readonly string _instance = Guid.NewGuid().ToString("N")[..12];

    private long _deliveries;

    public DispatchNormalizer(TimeProvider timeProvider, ILogger<DispatchNormalizer> logger)
    {
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Normalizes one dispatch received now.</summary>
    public IReadOnlyList<IngestEvent> Normalize(string eventName, JsonElement data) =>
        Normalize(eventName, data, _timeProvider.GetUtcNow().ToUnixTimeMilliseconds());

    /// <summary>
    /// The receive time, strictly increasing per process. Reactions and member changes carry no time of
    /// their own, so their dedupe key uses it: two different events in one millisecond (a RESUME replay
    /// arrives as a burst) must not share a key, or a re-added reaction would be taken for a duplicate.
    /// </summary>
    private long Distinct(long receivedAt)
    {
        while (true)
        {
            var last = Interlocked.Read(ref _lastReceivedAt);
            var next = Math.Max(receivedAt, last + 1);
            if (Interlocked.CompareExchange(ref _lastReceivedAt, next, last) == last)
            {
                return next;
            }
        }
    }

    /// <summary>Normalizes one dispatch received at <paramref name="receivedAt"/> (epoch ms).</summary>
    public IReadOnlyList<IngestEvent> Normalize(string eventName, JsonElement data, long receivedAt)
    {
        receivedAt = Distinct(receivedAt);
        var events = new List<IngestEvent>();
        try
        {
            if (data.ValueKind != JsonValueKind.Object)
            {
                if (IsKnown(eventName))
                {
                    LogMalformed(_logger, eventName, "d is not an object");
                }

                return events;
            }

            switch (eventName)
            {
                case "GUILD_CREATE":
                case "GUILD_UPDATE":
                    Guild(data, receivedAt, events);
                    break;
                case "CHANNEL_CREATE":
                case "CHANNEL_UPDATE":
                case "THREAD_UPDATE":
                case "THREAD_DELETE":
                    AddChannel(data, Json.Snowflake(data, "guild_id"), receivedAt, events);
                    break;
                case "THREAD_CREATE":
                    ThreadCreate(data, receivedAt, events);
                    break;
                case "THREAD_LIST_SYNC":
                    foreach (var thread in Json.Array(data, "threads"))
                    {
                        AddChannel(thread, Json.Snowflake(data, "guild_id"), receivedAt, events);
                    }

                    break;
                case "MESSAGE_CREATE":
                    MessageCreate(data, Json.Snowflake(data, "guild_id"), receivedAt, events);
                    break;
                case "MESSAGE_UPDATE":
                    MessageUpdate(data, receivedAt, events);
                    break;
                case "MESSAGE_DELETE":
                    Add(events, new IngestEvent
                    {
                        Type = IngestEventType.MessageDelete,
                        GuildId = Json.Snowflake(data, "guild_id") ?? 0,
                        EventAt = receivedAt,
                        ChannelId = Json.Snowflake(data, "channel_id"),
                        MessageId = Json.Snowflake(data, "id"),
                    });
                    break;
                case "MESSAGE_DELETE_BULK":
                    foreach (var id in Json.Array(data, "ids"))
                    {
                        Add(events, new IngestEvent
                        {
                            Type = IngestEventType.MessageDelete,
                            GuildId = Json.Snowflake(data, "guild_id") ?? 0,
                            EventAt = receivedAt,
                            ChannelId = Json.Snowflake(data, "channel_id"),
                            MessageId = id.ValueKind == JsonValueKind.String ? Snowflake.TryParse(Json.Text(id)) : null,
                        });
                    }

                    break;
                case "MESSAGE_REACTION_ADD":
                case "MESSAGE_REACTION_REMOVE":
                    Reaction(eventName == "MESSAGE_REACTION_ADD" ? IngestEventType.ReactionAdd : IngestEventType.ReactionRemove, data, receivedAt, events);
                    break;
                case "MESSAGE_REACTION_REMOVE_ALL":
                case "MESSAGE_REACTION_REMOVE_EMOJI":
                    Add(events, new IngestEvent
                    {
                        Type = eventName == "MESSAGE_REACTION_REMOVE_ALL" ? IngestEventType.ReactionRemoveAll : IngestEventType.ReactionRemoveEmoji,
                        GuildId = Json.Snowflake(data, "guild_id") ?? 0,
                        EventAt = receivedAt,
                        ChannelId = Json.Snowflake(data, "channel_id"),
                        MessageId = Json.Snowflake(data, "message_id"),
                        Emoji = eventName == "MESSAGE_REACTION_REMOVE_EMOJI" ? EmojiKey(data) : null,
                    });
                    break;
                case "GUILD_MEMBER_ADD":
                case "GUILD_MEMBER_UPDATE":
                case "GUILD_MEMBER_REMOVE":
                    Member(eventName, data, receivedAt, events);
                    break;
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or OverflowException or KeyNotFoundException or ArgumentException)
        {
            LogMalformed(_logger, eventName, ex.GetType().Name);
            events.Clear();
        }

        return events;
    }

    /// <summary>A channel or thread object (gateway or REST) as a <see cref="IngestEventType.ChannelUpsert"/>.</summary>
    public IReadOnlyList<IngestEvent> NormalizeChannel(ulong guildId, JsonElement channel, long receivedAt)
    {
        var events = new List<IngestEvent>(1);
        if (channel.ValueKind == JsonValueKind.Object)
        {
            AddChannel(channel, guildId, receivedAt, events);
        }

        return events;
    }

    /// <summary>A message object (gateway or REST, where REST messages lack <c>guild_id</c>).</summary>
    public IReadOnlyList<IngestEvent> NormalizeMessage(ulong guildId, JsonElement message, long receivedAt)
    {
        var events = new List<IngestEvent>(2);
        if (message.ValueKind == JsonValueKind.Object)
        {
            MessageCreate(message, Json.Snowflake(message, "guild_id") ?? guildId, receivedAt, events);
        }

        return events;
    }

    private void Guild(JsonElement guild, long receivedAt, List<IngestEvent> events)
    {
        var guildId = Json.Snowflake(guild, "id");
        if (guildId is null || Json.String(guild, "name") is not { } name)
        {
            // An unavailable guild ({id, unavailable:true}) has nothing to say yet.
            return;
        }

        Add(events, new IngestEvent { Type = IngestEventType.GuildUpsert, GuildId = guildId.Value, EventAt = receivedAt, Name = TextClip.ToLength(name, IngestEvent.MaxNameLength) });

        // Channels in GUILD_CREATE often lack guild_id: the guild's own id fills it.
        foreach (var channel in Json.Array(guild, "channels"))
        {
            AddChannel(channel, guildId, receivedAt, events);
        }

        foreach (var thread in Json.Array(guild, "threads"))
        {
            AddChannel(thread, guildId, receivedAt, events);
        }

        foreach (var member in Json.Array(guild, "members"))
        {
            AddMemberUpsert(member, guildId.Value, receivedAt, events);
        }
    }

    private void ThreadCreate(JsonElement thread, long receivedAt, List<IngestEvent> events)
    {
        if (Json.Bool(thread, "newly_created") != true)
        {
            // Also sent when the bot is added to an existing thread: metadata only.
            AddChannel(thread, Json.Snowflake(thread, "guild_id"), receivedAt, events);
            return;
        }

        Add(events, new IngestEvent
        {
            Type = IngestEventType.ThreadCreate,
            GuildId = Json.Snowflake(thread, "guild_id") ?? 0,
            EventAt = receivedAt,
            ChannelId = Json.Snowflake(thread, "id"),
            ParentId = Json.Snowflake(thread, "parent_id"),
            ChannelType = Json.Int(thread, "type"),
            Name = TextClip.ToLength(Json.String(thread, "name"), IngestEvent.MaxNameLength),
            UserId = Json.Snowflake(thread, "owner_id"),
        });
    }

    private void AddChannel(JsonElement channel, ulong? guildId, long receivedAt, List<IngestEvent> events)
    {
        if (channel.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        Add(events, new IngestEvent
        {
            Type = IngestEventType.ChannelUpsert,
            GuildId = Json.Snowflake(channel, "guild_id") ?? guildId ?? 0,
            EventAt = receivedAt,
            ChannelId = Json.Snowflake(channel, "id"),
            ChannelType = Json.Int(channel, "type"),
            ParentId = Json.Snowflake(channel, "parent_id"),

            // THREAD_DELETE carries no name: null means "unknown", not "renamed to nothing".
            Name = TextClip.ToLength(Json.String(channel, "name"), IngestEvent.MaxNameLength),

            // A thread's owner: the writer drops every event of a forgotten member, so a later THREAD_UPDATE, GUILD_CREATE
            // or backfill cannot bring back the title of a thread they started. Channels have no owner (null).
            UserId = Json.Snowflake(channel, "owner_id"),
        });
    }

    private void MessageCreate(JsonElement message, ulong? guildId, long receivedAt, List<IngestEvent> events)
    {
        var type = Json.Int(message, "type") ?? 0;
        if (!ChatMessageTypes.Contains(type))
        {
            return;
        }

        var author = Json.Object(message, "author");
        var webhook = Json.Snowflake(message, "webhook_id") is not null;
        var userId = author is { } a ? Json.Snowflake(a, "id") : null;
        var isBot = webhook || (author is { } b && Json.Bool(b, "bot") == true);
        var messageId = Json.Snowflake(message, "id");
        var createdAt = Json.Timestamp(message, "timestamp") ?? (messageId is { } id ? Snowflake.ToUnixMs(id) : receivedAt);
        var reference = Json.Object(message, "message_reference");
        var referenceType = reference is { } r ? Json.Int(r, "type") ?? 0 : -1;

        if (!webhook && author is { } user && userId is not null)
        {
            Add(events, new IngestEvent
            {
                Type = IngestEventType.MemberUpsert,
                GuildId = guildId ?? 0,
                EventAt = receivedAt,
                UserId = userId,
                IsBot = isBot,
                Name = DisplayName(Json.Object(message, "member"), user),
            });
        }

        Add(events, new IngestEvent
        {
            Type = IngestEventType.MessageCreate,
            GuildId = guildId ?? 0,
            EventAt = createdAt,
            ChannelId = Json.Snowflake(message, "channel_id"),
            MessageId = messageId,
            UserId = userId,
            IsBot = isBot,
            Excerpt = Excerpt(Json.String(message, "content")),
            ReferencedMessageId = referenceType == 0 && reference is { } rf ? Json.Snowflake(rf, "message_id") : null,
        });
    }

    private void MessageUpdate(JsonElement message, long receivedAt, List<IngestEvent> events)
    {
        // Partial updates (link unfurls: id, channel_id, embeds) change nothing we keep.
        var hasContent = Json.String(message, "content") is not null;
        var editedAt = Json.Timestamp(message, "edited_timestamp");
        if (!hasContent && editedAt is null)
        {
            return;
        }

        var author = Json.Object(message, "author");
        Add(events, new IngestEvent
        {
            Type = IngestEventType.MessageUpdate,
            GuildId = Json.Snowflake(message, "guild_id") ?? 0,
            EventAt = editedAt ?? receivedAt,
            EditedAt = editedAt,
            ChannelId = Json.Snowflake(message, "channel_id"),
            MessageId = Json.Snowflake(message, "id"),
            UserId = author is { } a ? Json.Snowflake(a, "id") : null,
            IsBot = Json.Snowflake(message, "webhook_id") is not null || (author is { } b && Json.Bool(b, "bot") == true),
            Excerpt = Excerpt(Json.String(message, "content")),
        });
    }

    private void Reaction(IngestEventType type, JsonElement reaction, long receivedAt, List<IngestEvent> events)
    {
        var guildId = Json.Snowflake(reaction, "guild_id") ?? 0;
        var member = Json.Object(reaction, "member");
        var user = member is { } m ? Json.Object(m, "user") : null;
        var isBot = user is { } u && Json.Bool(u, "bot") == true;
        Add(events, new IngestEvent
        {
            Type = type,
            GuildId = guildId,
            EventAt = receivedAt,
            ChannelId = Json.Snowflake(reaction, "channel_id"),
            MessageId = Json.Snowflake(reaction, "message_id"),
            UserId = Json.Snowflake(reaction, "user_id"),
            IsBot = isBot,
            Emoji = EmojiKey(reaction),
        });

        if (member is { } withUser)
        {
            AddMemberUpsert(withUser, guildId, receivedAt, events);
        }
    }

    private void Member(string eventName, JsonElement member, long receivedAt, List<IngestEvent> events)
    {
        var guildId = Json.Snowflake(member, "guild_id") ?? 0;
        var user = Json.Object(member, "user");
        if (user is not { } u)
        {
            LogMalformed(_logger, eventName, "user missing");
            return;
        }

        var userId = Json.Snowflake(u, "id");
        var isBot = Json.Bool(u, "bot") == true;
        switch (eventName)
        {
            case "GUILD_MEMBER_ADD":
                // Sent again for existing members: joined_at keeps the dedupe key (user, time) stable.
                Add(events, new IngestEvent
                {
                    Type = IngestEventType.MemberAdd,
                    GuildId = guildId,
                    EventAt = Json.Timestamp(member, "joined_at") ?? receivedAt,
                    UserId = userId,
                    IsBot = isBot,
                    Name = DisplayName(member, u),
                });
                break;
            case "GUILD_MEMBER_REMOVE":
                // A leave carries no id or time of its own: its key is this delivery. (The receive time alone
                // is not enough: after a restart it can repeat a time the previous process used.)
                Add(events, new IngestEvent
                {
                    Type = IngestEventType.MemberRemove,
                    GuildId = guildId,
                    EventAt = receivedAt,
                    UserId = userId,
                    IsBot = isBot,
                    DeliveryId = $"{_instance}-{Interlocked.Increment(ref _deliveries)}",
                });
                break;
            default:
                AddMemberUpsert(member, guildId, receivedAt, events);
                break;
        }
    }

    private void AddMemberUpsert(JsonElement member, ulong guildId, long receivedAt, List<IngestEvent> events)
    {
        if (Json.Object(member, "user") is not { } user)
        {
            return;
        }

        Add(events, new IngestEvent
        {
            Type = IngestEventType.MemberUpsert,
            GuildId = guildId,
            EventAt = receivedAt,
            UserId = Json.Snowflake(user, "id"),
            IsBot = Json.Bool(user, "bot") == true,
            Name = DisplayName(member, user),
        });
    }

    /// <summary>Unicode emoji as itself; custom emoji as <c>name:id</c>, or <c>:id</c> when a deleted emoji lost its name.</summary>
    internal static string? EmojiKey(JsonElement container)
    {
        if (Json.Object(container, "emoji") is not { } emoji)
        {
            return null;
        }

        var name = Json.String(emoji, "name");
        return Json.Snowflake(emoji, "id") is { } id ? $"{name}:{id}" : name;
    }

    /// <summary>nick, then global_name, then username.</summary>
    private static string? DisplayName(JsonElement? member, JsonElement user)
    {
        var name = (member is { } m ? Json.String(m, "nick") : null) ?? Json.String(user, "global_name") ?? Json.String(user, "username");
        return TextClip.ToLength(name, IngestEvent.MaxNameLength);
    }

    private static string? Excerpt(string? content) =>
        string.IsNullOrEmpty(content) ? null : TextClip.ToLength(content, IngestEvent.MaxExcerptLength);

    /// <summary>Events that fail <see cref="IngestEvent.Validate"/> (e.g. DMs without a guild) are dropped here.</summary>
    private void Add(List<IngestEvent> events, IngestEvent ingestEvent)
    {
        if (ingestEvent.Validate() is { } problem)
        {
            LogInvalid(_logger, ingestEvent.TypeName, problem);
            return;
        }

        events.Add(ingestEvent);
    }

    private static bool IsKnown(string eventName) => eventName is "GUILD_CREATE" or "GUILD_UPDATE" or "CHANNEL_CREATE" or "CHANNEL_UPDATE"
        or "THREAD_CREATE" or "THREAD_UPDATE" or "THREAD_DELETE" or "THREAD_LIST_SYNC" or "MESSAGE_CREATE" or "MESSAGE_UPDATE"
        or "MESSAGE_DELETE" or "MESSAGE_DELETE_BULK" or "MESSAGE_REACTION_ADD" or "MESSAGE_REACTION_REMOVE"
        or "MESSAGE_REACTION_REMOVE_ALL" or "MESSAGE_REACTION_REMOVE_EMOJI" or "GUILD_MEMBER_ADD" or "GUILD_MEMBER_UPDATE"
        or "GUILD_MEMBER_REMOVE";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Malformed {EventName} dispatch skipped ({Problem})")]
    private static partial void LogMalformed(ILogger logger, string eventName, string problem);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Normalized {EventType} dropped: {Problem}")]
    private static partial void LogInvalid(ILogger logger, string eventType, string problem);
}
