namespace DiscordAnalytics.Core.Ingestion.Writing.Sql;

/// <summary>A row of a <c>count(*)</c> (<see cref="IngestionSql.ReactionFactExists"/>, <see cref="IngestionSql.CountIdentifiedReactors"/>).</summary>
internal readonly record struct RowCount(long Count) : IStatementRow<RowCount>
{
    public static RowCount Read(PreparedStatement.Cursor row) => new(row.GetInt64(0));
}
