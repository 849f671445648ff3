namespace DiscordAnalytics.Core.Ingestion.Writing.Sql;

/// <summary>
/// The statements of messages by kind and of emojis, on the same terms as <see cref="IngestionSql"/> (both providers,
/// positional parameters, table-qualified columns in an upsert's DO UPDATE).
/// </summary>
internal static class KindSql
{
    public const string AddMessageKindDay = """
        INSERT INTO messageKindDays (guildId, day, isBot, messages, withAttachments, withLinks, replies, withMentions, totalLength)
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8)
        ON CONFLICT (guildId, day, isBot) DO UPDATE SET
            messages = messageKindDays.messages + excluded.messages,
            withAttachments = messageKindDays.withAttachments + excluded.withAttachments,
            withLinks = messageKindDays.withLinks + excluded.withLinks,
            replies = messageKindDays.replies + excluded.replies,
            withMentions = messageKindDays.withMentions + excluded.withMentions,
            totalLength = messageKindDays.totalLength + excluded.totalLength
        """;

    /// <summary>Reactions with an emoji (<c>emojiDays</c>).</summary>
    public static readonly EmojiDayStatements ReactionEmojis = new("emojiDays");

    /// <summary>Emojis typed in messages (<c>contentEmojiDays</c>): the same statements on their own table.</summary>
    public static readonly EmojiDayStatements ContentEmojis = new("contentEmojiDays");

    /// <summary>
    /// A message as an edit finds it: (day, isBot, counted, kinds, length, editedAt, emojis). Counted: created, not deleted, and
    /// its author not forgotten; only then does the edit move the kind rollups.
    /// </summary>
    public const string SelectMessageShape = """
        SELECT day, isBot, isCreated AND deletedAt IS NULL AND authorId IS NOT NULL, kinds, contentLength, editedAt, emojis
        FROM messageFacts WHERE guildId = @p0 AND messageId = @p1
        """;

    public const string SetMessageShape = """
        UPDATE messageFacts SET kinds = @p2, contentLength = @p3, emojis = @p4 WHERE guildId = @p0 AND messageId = @p1
        """;
}
