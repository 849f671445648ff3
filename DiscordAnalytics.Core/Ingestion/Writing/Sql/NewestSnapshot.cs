namespace DiscordAnalytics.Core.Ingestion.Writing.Sql;

/// <summary>A row of <see cref="IngestionSql.NewestReactionSnapshot"/>: null when the guild has no reaction snapshot.</summary>
internal readonly record struct NewestSnapshot(long? ObservedAt) : IStatementRow<NewestSnapshot>
{
    public static NewestSnapshot Read(PreparedStatement.Cursor row) => new(row.GetInt64OrNull(0));
}
