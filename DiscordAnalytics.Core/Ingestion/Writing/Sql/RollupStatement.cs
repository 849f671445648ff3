using System.Data.Common;
using DiscordAnalytics.Core.Ingestion.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace DiscordAnalytics.Core.Ingestion.Writing.Sql;

/// <summary>
/// One rollup table's statement for a batch's rows (<see cref="RollupFlusher"/>: one row per key, the batch's changes
/// summed first in <see cref="RollupDeltas"/>). On SQLite each row runs at once: a statement is a call in the same
/// process. On PostgreSQL the rows are gathered and <see cref="Send"/> queues them as one statement of arrays
/// (<see cref="UnnestInsert"/>), where it is called, so the store sees the writer's statements in the same order, and a
/// batch's thousands of member-day rows cost the server one statement to parse, plan and run instead of thousands.
/// A key must come once per <see cref="Send"/>: PostgreSQL refuses an upsert that updates one row twice (error 21000),
/// which the writer would take for a bad event. The support facts' writes go the same way (<see cref="Support.SupportStatements"/>).
/// </summary>
internal sealed class RollupStatement : IDisposable
{
    // SQLite: the single-row statement. PostgreSQL: the rows and the queue they go to.
    private readonly PreparedStatement? _single;
    private readonly UnnestInsert? _rows;
    private readonly StatementPipeline? _pipeline;

    /// <param name="sql">The single-row statement, in the dialect both providers understand (<see cref="IngestionSql"/>).</param>
    /// <param name="multiRowSql">
    /// PostgreSQL's statement for many rows, taking column i as the array <c>$i+1</c>; null: made from <paramref name="sql"/>
    /// (<see cref="MultiRowSql"/>).
    /// </param>
    /// <param name="columns">Each column's type on PostgreSQL, in the order of the statement's parameters.</param>
    public RollupStatement(DbConnection connection, string sql, string? multiRowSql, params NpgsqlDbType[] columns)
    {
        if (connection is NpgsqlConnection npgsql)
        {
            _rows = new UnnestInsert(multiRowSql ?? MultiRowSql.Of(sql), columns);
            _pipeline = StatementPipeline.Of(npgsql);
        }
        else
        {
            _single = PreparedStatement.Create(connection, sql);
        }
    }

    /// <summary>Rows added and not sent yet (PostgreSQL; always 0 on SQLite).</summary>
    public int Pending => _rows?.Count ?? 0;

    /// <summary>One row: run at once on SQLite, kept for <see cref="Send"/> on PostgreSQL.</summary>
    public void Add(params ReadOnlySpan<StatementValue> row)
    {
        if (_rows is { } rows)
        {
            rows.Add(row);
            return;
        }

        _single!.Execute(row);
    }

    /// <summary>Queues the rows added since the last send as one statement (PostgreSQL); nothing when there are none.</summary>
    public void Send()
    {
        if (_rows is { Count: > 0 } rows)
        {
            _pipeline!.Add(rows.Take(), -1);
        }
    }

    /// <summary>Forgets rows not sent: the batch is rolled back.</summary>
    public void Clear() => _rows?.Clear();

    public void Dispose() => _single?.Dispose();
}
