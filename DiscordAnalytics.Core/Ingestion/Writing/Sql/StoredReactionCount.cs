namespace DiscordAnalytics.Core.Ingestion.Writing.Sql;

/// <summary>A row of <see cref="IngestionSql.SelectReactionCount"/>: the anonymous reactions of a message and emoji, and when the snapshot that set them was taken.</summary>
internal readonly record struct StoredReactionCount(long Anonymous, long ObservedAt) : IStatementRow<StoredReactionCount>
{
    public static StoredReactionCount Read(PreparedStatement.Cursor row) => new(row.GetInt64(0), row.GetInt64(1));
}
