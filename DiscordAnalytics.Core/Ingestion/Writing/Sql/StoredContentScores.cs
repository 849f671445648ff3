namespace DiscordAnalytics.Core.Ingestion.Writing.Sql;

/// <summary>A row of <see cref="IngestionSql.SelectTopContentScores"/>: a reacted message's scores by humans and by bots.</summary>
internal readonly record struct StoredContentScores(long Score, long BotScore) : IStatementRow<StoredContentScores>
{
    public static StoredContentScores Read(PreparedStatement.Cursor row) => new(row.GetInt64(0), row.GetInt64(1));
}
