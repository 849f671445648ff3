namespace DiscordAnalytics.Core.Ingestion.Writing.Sql;

/// <summary>The rows of one execution of a <see cref="StatementQuery{TRow}"/>, for <c>foreach</c>; a struct, so reading allocates nothing.</summary>
internal readonly struct StatementRows<TRow>(PreparedStatement.Cursor cursor) : IDisposable
    where TRow : IStatementRow<TRow>, allows ref struct
{
    public StatementRows<TRow> GetEnumerator() => this;

    public bool MoveNext() => cursor.Read();

    /// <summary>The current row; read once per row by <c>foreach</c>.</summary>
    public TRow Current => TRow.Read(cursor);

    /// <summary>Steps a RETURNING statement to completion (all its writes applied) and resets it.</summary>
    public void Dispose() => cursor.Dispose();
}
