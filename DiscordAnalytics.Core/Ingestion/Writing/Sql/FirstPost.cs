namespace DiscordAnalytics.Core.Ingestion.Writing.Sql;

/// <summary>A row of <see cref="IngestionSql.SelectFirstPost"/>: null when the member posted nothing counted in the period.</summary>
internal readonly record struct FirstPost(long? CreatedAt) : IStatementRow<FirstPost>
{
    public static FirstPost Read(PreparedStatement.Cursor row) => new(row.GetInt64OrNull(0));
}
