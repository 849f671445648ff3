namespace DiscordAnalytics.Core.Ingestion.Writing.Sql;

/// <summary>
/// A row of <see cref="IngestionSql.SelectChannelDayQuarterHours"/>: the stored counts (layout: <see cref="Storage.QuarterHourCounts"/>).
/// They are SQLite's own bytes, valid until the next row or the end of the <c>foreach</c>, so the row is a ref struct.
/// </summary>
internal readonly ref struct StoredQuarterHours(ReadOnlySpan<byte> counts) : IStatementRow<StoredQuarterHours>
{
    public ReadOnlySpan<byte> Counts { get; } = counts;

    public static StoredQuarterHours Read(PreparedStatement.Cursor row) => new(row.GetBlob(0));
}
