namespace DiscordAnalytics.Core.Ingestion.Writing.Sql;

/// <summary>
/// The upsert and the empty-row delete of one emoji-day table (guildId, day, emoji, isBot, count): reactions' and
/// typed emojis' tables have the same shape and the same rules, so their statements are written once.
/// </summary>
internal sealed class EmojiDayStatements(string table)
{
    public string Add { get; } = $"""
        INSERT INTO {table} (guildId, day, emoji, isBot, count) VALUES (@p0, @p1, @p2, @p3, @p4)
        ON CONFLICT (guildId, day, emoji, isBot) DO UPDATE SET count = {table}.count + excluded.count
        """;

    /// <summary>An emoji whose uses all went leaves the day.</summary>
    public string DropEmpty { get; } = $"""
        DELETE FROM {table} WHERE guildId = @p0 AND day = @p1 AND emoji = @p2 AND isBot = @p3 AND count <= 0
        """;

    /// <summary>PostgreSQL's <see cref="DropEmpty"/> for a batch's rows at once (see <see cref="RollupStatement"/>).</summary>
    public string DropEmptyRows { get; } = $"""
        DELETE FROM {table} e USING unnest($1::bigint[], $2::integer[], $3::text[], $4::boolean[]) AS k(guildId, day, emoji, isBot)
        WHERE e.guildId = k.guildId AND e.day = k.day AND e.emoji = k.emoji AND e.isBot = k.isBot AND e.count <= 0
        """;
}
