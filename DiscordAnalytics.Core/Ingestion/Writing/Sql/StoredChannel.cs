namespace DiscordAnalytics.Core.Ingestion.Writing.Sql;

/// <summary>A row of <see cref="IngestionSql.SelectChannels"/>: a stored channel and, for a thread, its parent.</summary>
internal readonly record struct StoredChannel(long Channel, long? Parent, bool IsThread) : IStatementRow<StoredChannel>
{
    public static StoredChannel Read(PreparedStatement.Cursor row) => new(row.GetInt64(0), row.GetInt64OrNull(1), row.GetBoolean(2));
}
