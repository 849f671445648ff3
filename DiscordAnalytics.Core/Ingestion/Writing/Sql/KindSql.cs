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

    public const string AddEmojiDay = """
        INSERT INTO emojiDays (guildId, day, emoji, isBot, count) VALUES (@p0, @p1, @p2, @p3, @p4)
        ON CONFLICT (guildId, day, emoji, isBot) DO UPDATE SET count = emojiDays.count + excluded.count
        """;

    /// <summary>An emoji whose reactions all went leaves the day.</summary>
    public const string DropEmptyEmojiDay = """
        DELETE FROM emojiDays WHERE guildId = @p0 AND day = @p1 AND emoji = @p2 AND isBot = @p3 AND count <= 0
        """;

    /// <summary>PostgreSQL's <see cref="DropEmptyEmojiDay"/> for a batch's rows at once (see <see cref="RollupStatement"/>).</summary>
    public const string DropEmptyEmojiDayRows = """
        DELETE FROM emojiDays e USING unnest($1::bigint[], $2::integer[], $3::text[], $4::boolean[]) AS k(guildId, day, emoji, isBot)
        WHERE e.guildId = k.guildId AND e.day = k.day AND e.emoji = k.emoji AND e.isBot = k.isBot AND e.count <= 0
        """;

    /// <summary>
    /// A message as an edit finds it: (day, isBot, counted, kinds, length, editedAt). Counted: created, not deleted, and
    /// its author not forgotten; only then does the edit move the kind rollups.
    /// </summary>
    public const string SelectMessageShape = """
        SELECT day, isBot, isCreated AND deletedAt IS NULL AND authorId IS NOT NULL, kinds, contentLength, editedAt
        FROM messageFacts WHERE guildId = @p0 AND messageId = @p1
        """;

    public const string SetMessageShape = """
        UPDATE messageFacts SET kinds = @p2, contentLength = @p3 WHERE guildId = @p0 AND messageId = @p1
        """;
}
