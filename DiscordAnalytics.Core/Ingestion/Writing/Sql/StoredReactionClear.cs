namespace DiscordAnalytics.Core.Ingestion.Writing.Sql;

/// <summary>A row of <see cref="IngestionSql.SelectReactionClears"/>: the latest clear of a message (emoji empty for REMOVE_ALL) or of one emoji on it.</summary>
internal readonly record struct StoredReactionClear(long Message, string Emoji, long ClearedAt) : IStatementRow<StoredReactionClear>
{
    public static StoredReactionClear Read(PreparedStatement.Cursor row) => new(row.GetInt64(0), row.GetString(1), row.GetInt64(2));
}
