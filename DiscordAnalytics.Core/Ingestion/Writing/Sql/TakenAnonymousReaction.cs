namespace DiscordAnalytics.Core.Ingestion.Writing.Sql;

/// <summary>A row of <see cref="IngestionSql.TakeAnonymousReactionBefore"/> and <see cref="IngestionSql.TakeAnonymousReactionAfter"/>: where the anonymous reaction taken counted.</summary>
internal readonly record struct TakenAnonymousReaction(long Channel, int Day) : IStatementRow<TakenAnonymousReaction>
{
    public static TakenAnonymousReaction Read(PreparedStatement.Cursor row) => new(row.GetInt64(0), row.GetInt32(1));
}
