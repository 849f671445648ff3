using DiscordAnalytics.Core.Storage;
using System.Text.Json;
using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Core.Discord;

/// <summary>Messages and reactions: creates (chat only), edits, deletes, reaction adds, removes and clears.</summary>
public sealed partial class DispatchNormalizer
{
    private void MessageCreate(JsonElement message, ulong? guildId, long receivedAt, List<IngestEvent> events)
    {
        if (!MessageTypes.IsChat(Json.Int(message, "type") ?? MessageTypes.Default))
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
        var isReply = reference is { } r && (Json.Int(r, "type") ?? MessageReferenceTypes.Default) == MessageReferenceTypes.Default;

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
            Shape = Shape(message),
            ReferencedMessageId = isReply && reference is { } rf ? Json.Snowflake(rf, "message_id") : null,
            MentionedRoleIds = MentionedRoles(message),
        });
    }

    /// <summary>The roles a message mentions (escalations read them); null when it mentions none.</summary>
    private static RoleIdList? MentionedRoles(JsonElement message)
    {
        var ids = Snowflakes(message, "mention_roles");
        return ids.Count == 0 ? null : new RoleIdList(ids.Distinct());
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
            Shape = Shape(message),
        });
    }

    /// <summary>
    /// What a message carries, from its whole payload (content, attachments, user and role mentions, @everyone); null when
    /// the payload has no content field (a partial update), so nothing is guessed.
    /// </summary>
    private static MessageShape? Shape(JsonElement message)
    {
        if (Json.String(message, "content") is not { } content)
        {
            return null;
        }

        var mentions = Json.Array(message, "mentions").Count() + Json.Array(message, "mention_roles").Count()
            + (Json.Bool(message, "mention_everyone") == true ? 1 : 0);
        return MessageShape.Of(content, Json.Array(message, "attachments").Count(), mentions);
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

    private void MessageDelete(JsonElement data, long receivedAt, List<IngestEvent> events) =>
        Add(events, new IngestEvent
        {
            Type = IngestEventType.MessageDelete,
            GuildId = Json.Snowflake(data, "guild_id") ?? 0,
            EventAt = receivedAt,
            ChannelId = Json.Snowflake(data, "channel_id"),
            MessageId = Json.Snowflake(data, "id"),
        });

    private void MessageDeleteBulk(JsonElement data, long receivedAt, List<IngestEvent> events)
    {
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
    }

    /// <summary>REMOVE_ALL clears every reaction of a message, REMOVE_EMOJI those of one emoji.</summary>
    private void ReactionClear(IngestEventType type, JsonElement data, long receivedAt, List<IngestEvent> events) =>
        Add(events, new IngestEvent
        {
            Type = type,
            GuildId = Json.Snowflake(data, "guild_id") ?? 0,
            EventAt = receivedAt,
            ChannelId = Json.Snowflake(data, "channel_id"),
            MessageId = Json.Snowflake(data, "message_id"),
            Emoji = type == IngestEventType.ReactionRemoveEmoji ? EmojiKey(data) : null,
        });

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

    private static string? Excerpt(string? content) =>
        string.IsNullOrEmpty(content) ? null : TextClip.ToLength(content, IngestEvent.MaxExcerptLength);
}
