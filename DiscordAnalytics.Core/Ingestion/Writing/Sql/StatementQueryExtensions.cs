namespace DiscordAnalytics.Core.Ingestion.Writing.Sql;

internal static class StatementQueryExtensions
{
    /// <summary>
    /// The first row, or null when there is none. The statement still runs to completion, so a RETURNING statement
    /// applies every write it makes. Only for rows that own their values (a row holding a span into SQLite's memory
    /// must be read inside a <c>foreach</c>).
    /// </summary>
    public static TRow? FirstOrNull<TRow>(this StatementQuery<TRow> query, params ReadOnlySpan<StatementValue> values)
        where TRow : struct, IStatementRow<TRow>
    {
        using var rows = query.Rows(values);
        return rows.MoveNext() ? rows.Current : null;
    }

    /// <summary>The count a <c>count(*)</c> statement returns.</summary>
    public static long Count(this StatementQuery<RowCount> query, params ReadOnlySpan<StatementValue> values) =>
        query.FirstOrNull(values)?.Count ?? 0;
}
