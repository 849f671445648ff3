using System.Data.Common;

namespace DiscordAnalytics.Core.Ingestion.Writing.Sql;

/// <summary>A <see cref="PreparedStatement"/> that returns rows (SELECT or RETURNING), each read as a <typeparamref name="TRow"/>.</summary>
internal sealed class StatementQuery<TRow>(DbConnection connection, string sql) : IDisposable
    where TRow : IStatementRow<TRow>, allows ref struct
{
    private readonly PreparedStatement _statement = PreparedStatement.Create(connection, sql);

    /// <summary>Runs the statement; rows are read as they are enumerated. Disposing (the end of a foreach) finishes the statement and resets it.</summary>
    public StatementRows<TRow> Rows(params ReadOnlySpan<StatementValue> values) => new(_statement.Query(values));

    public void Dispose() => _statement.Dispose();
}
