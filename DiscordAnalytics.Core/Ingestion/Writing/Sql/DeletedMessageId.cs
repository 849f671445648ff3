namespace DiscordAnalytics.Core.Ingestion.Writing.Sql;

/// <summary>A row of <see cref="IngestionSql.SelectDeletedMessages"/>.</summary>
internal readonly record struct DeletedMessageId(long Message) : IStatementRow<DeletedMessageId>
{
    public static DeletedMessageId Read(PreparedStatement.Cursor row) => new(row.GetInt64(0));
}
