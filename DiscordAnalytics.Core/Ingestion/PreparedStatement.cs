using System.Data.Common;
using DiscordAnalytics.Core.Ingestion.Postgres;
using Microsoft.Data.Sqlite;
using Npgsql;
using SQLitePCL;

namespace DiscordAnalytics.Core.Ingestion;

/// <summary>
/// One reusable SQLite statement with positional parameters (@p0..@pN), prepared once per connection and
/// driven through SQLite's own API (prepare / bind by index / step / reset). The ADO.NET command path
/// re-resolves every parameter by name on every execution, which profiling showed to cost more than
/// the inserts themselves on the ingestion hot path. Runs inside whatever transaction the connection has.
/// On PostgreSQL the same statement runs as a kept Npgsql command (<see cref="NpgsqlStatement"/>), so the writer's
/// handlers and row types are one code for both providers.
/// </summary>
public sealed class PreparedStatement : IDisposable
{
    // SQLite's handles; null on PostgreSQL, where _npgsql does the work.
    private readonly sqlite3 _db = null!;
    private readonly sqlite3_stmt _statement = null!;
    private readonly int[] _slots = [];
    private readonly NpgsqlStatement? _npgsql;

    /// <summary>Whether the current execution has returned SQLITE_DONE: stepping again would run it anew.</summary>
    private bool _done;

    public PreparedStatement(NpgsqlConnection connection, string sql) => _npgsql = new NpgsqlStatement(connection, sql);

    public PreparedStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection must be open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
        // SQLite numbers parameters by first appearance in the text; map @pN to its slot once, here.
        _slots = new int[raw.sqlite3_bind_parameter_count(_statement)];
        for (var i = 0; i < _slots.Length; i++)
        {
            _slots[i] = raw.sqlite3_bind_parameter_index(_statement, $"@p{i}");
            if (_slots[i] == 0)
            {
                throw new ArgumentException($"Parameters must be @p0..@p{_slots.Length - 1}; @p{i} is missing: {sql}");
            }
        }
    }

    /// <summary>The statement on the writer's connection, whichever provider it is (SQLite or PostgreSQL).</summary>
    public static PreparedStatement Create(DbConnection connection, string sql) => connection switch
    {
        SqliteConnection sqlite => new PreparedStatement(sqlite, sql),
        NpgsqlConnection npgsql => new PreparedStatement(npgsql, sql),
        _ => throw new ArgumentException($"No prepared statements for {connection?.GetType().Name}.", nameof(connection)),
    };

    /// <summary>Runs the statement; returns the rows it changed (0 when ON CONFLICT DO NOTHING skipped it).</summary>
    public int Execute(params ReadOnlySpan<StatementValue> values)
    {
        if (_npgsql is { } npgsql)
        {
            return npgsql.Execute(values);
        }

        Bind(values);
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(_statement)) == raw.SQLITE_ROW)
            {
            }

            Check(rc);
            return raw.sqlite3_changes(_db);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>
    /// Runs the statement when its count is not needed. On PostgreSQL it is queued and sent with the next statement
    /// that needs an answer (or the batch's end), in order: one round trip for many (see <see cref="StatementPipeline"/>).
    /// On SQLite, where a statement is a call in the same process, it runs at once.
    /// </summary>
    public void Defer(params ReadOnlySpan<StatementValue> values)
    {
        if (_npgsql is { } npgsql)
        {
            npgsql.Defer(values, -1);
            return;
        }

        Execute(values);
    }

    /// <summary>
    /// Runs the statement when the writer knows how many rows it changes (an insert of a key known absent): on PostgreSQL
    /// it is queued like <see cref="Defer"/>, and another count when it runs fails the batch as a
    /// <see cref="ConcurrentWriteException"/> (another writer changed the same rows meanwhile). On SQLite it runs at once
    /// and its count is checked the same way.
    /// </summary>
    public void DeferExpecting(int rows, params ReadOnlySpan<StatementValue> values)
    {
        if (_npgsql is { } npgsql)
        {
            npgsql.Defer(values, rows);
            return;
        }

        if (Execute(values) is var changed && changed != rows)
        {
            throw new ConcurrentWriteException(rows, changed);
        }
    }

    /// <summary>Runs a statement that returns rows (SELECT or RETURNING); dispose the cursor to finish it.</summary>
    public Cursor Query(params ReadOnlySpan<StatementValue> values)
    {
        if (_npgsql is { } npgsql)
        {
            npgsql.Query(values);
            _done = false;
            return new Cursor(this);
        }

        Bind(values);
        _done = false;
        return new Cursor(this);
    }

    public void Dispose()
    {
        if (_npgsql is { } npgsql)
        {
            npgsql.Dispose();
            return;
        }

        _statement.Dispose();
    }

    private void Bind(ReadOnlySpan<StatementValue> values)
    {
        if (values.Length != _slots.Length)
        {
            throw new ArgumentException($"Statement takes {_slots.Length} values, got {values.Length}.");
        }

        for (var i = 0; i < values.Length; i++)
        {
            var index = _slots[i];
            var value = values[i];
            var rc = value.Kind switch
            {
                StatementValueKind.Integer or StatementValueKind.Boolean => raw.sqlite3_bind_int64(_statement, index, value.Integer),
                StatementValueKind.Text => raw.sqlite3_bind_text(_statement, index, (string)value.Reference!),
                StatementValueKind.Blob => raw.sqlite3_bind_blob(_statement, index, (byte[])value.Reference!),
                _ => raw.sqlite3_bind_null(_statement, index),
            };
            Check(rc);
        }
    }

    private void Check(int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    /// <summary>Forward-only rows of one execution. Disposing resets the statement for its next use.</summary>
    public readonly struct Cursor(PreparedStatement owner) : IDisposable
    {
        public bool Read()
        {
            if (owner._done)
            {
                return false;
            }

            if (owner._npgsql is { } npgsql)
            {
                owner._done = !npgsql.Read();
                return !owner._done;
            }

            var rc = raw.sqlite3_step(owner._statement);
            owner.Check(rc);
            owner._done = rc != raw.SQLITE_ROW;
            return !owner._done;
        }

        public long GetInt64(int column) => owner._npgsql?.GetInt64(column) ?? raw.sqlite3_column_int64(owner._statement, column);

        public int GetInt32(int column) => owner._npgsql?.GetInt32(column) ?? raw.sqlite3_column_int(owner._statement, column);

        public bool GetBoolean(int column) => owner._npgsql?.GetBoolean(column) ?? raw.sqlite3_column_int64(owner._statement, column) != 0;

        public long? GetInt64OrNull(int column) => IsDBNull(column) ? null : GetInt64(column);

        public string GetString(int column) => owner._npgsql?.GetString(column) ?? raw.sqlite3_column_text(owner._statement, column).utf8_to_string();

        public string? GetStringOrNull(int column) => IsDBNull(column) ? null : GetString(column);

        /// <summary>The column's bytes, valid until the next Read or Dispose.</summary>
        public ReadOnlySpan<byte> GetBlob(int column) => owner._npgsql is { } npgsql ? npgsql.GetBlob(column) : raw.sqlite3_column_blob(owner._statement, column);

        public bool IsDBNull(int column) => owner._npgsql?.IsDBNull(column) ?? raw.sqlite3_column_type(owner._statement, column) == raw.SQLITE_NULL;

        public void Dispose()
        {
            if (owner._npgsql is { } npgsql)
            {
                owner._done = true;
                npgsql.EndQuery();
                return;
            }

            // Step a RETURNING statement to completion so its writes are all applied, then reset it.
            while (!owner._done && raw.sqlite3_step(owner._statement) == raw.SQLITE_ROW)
            {
            }

            owner._done = true;
            raw.sqlite3_reset(owner._statement);
        }
    }
}
