namespace DiscordAnalytics.Core.Ingestion.Writing.Sql;

/// <summary>A row of <see cref="IngestionSql.DeleteReactionCountsOfMessage"/> and <see cref="IngestionSql.DeleteReactionCountsOfEmoji"/>: anonymous reactions that went, and where they counted.</summary>
internal readonly record struct DeletedReactionCount(int Anonymous, long Channel, int Day, string Emoji) : IStatementRow<DeletedReactionCount>
{
    public static DeletedReactionCount Read(PreparedStatement.Cursor row) => new(row.GetInt32(0), row.GetInt64(1), row.GetInt32(2), row.GetString(3));
}
