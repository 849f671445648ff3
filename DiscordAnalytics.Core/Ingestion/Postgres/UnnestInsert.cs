using Npgsql;
using NpgsqlTypes;

namespace DiscordAnalytics.Core.Ingestion.Postgres;

/// <summary>
/// Rows for one multi-row statement: the values travel as one array per column and the server takes <c>unnest(...)</c>
/// of them, so ten thousand rows cost one statement to parse, plan and run instead of ten thousand. Two uses:
/// <list type="bullet">
/// <item>Rows the writer knows are absent (facts and raw events, see <c>Writing.Caches.AbsentFacts</c>), registered
/// with the <see cref="StatementPipeline"/> and sent with each of its round trips, after the statements queued with
/// them: the insert must add every row, and a lower count fails the batch (<see cref="ConcurrentWriteException"/>).
/// Nothing queued reads these rows (a statement that does waits for an answer, and so sends the queue first).</item>
/// <item>A rollup table's upserts of a batch (<c>Writing.Sql.RollupStatement</c>), queued as one statement where the
/// writer has gathered them, in its order.</item>
/// </list>
/// </summary>
internal sealed class UnnestInsert
{
    private readonly string _sql;
    private readonly NpgsqlDbType[] _columns;
    private readonly List<StatementValue> _values = [];

    /// <param name="sql">The insert, taking column i as <c>$i+1</c>, an array of <paramref name="columns"/>[i].</param>
    /// <param name="columns">Each column's type: Bigint, Integer, Boolean, Text or Bytea.</param>
    public UnnestInsert(string sql, params NpgsqlDbType[] columns)
    {
        _sql = sql;
        _columns = columns;
    }

    public int Count => _values.Count / _columns.Length;

    public void Add(params ReadOnlySpan<StatementValue> row)
    {
        if (row.Length != _columns.Length)
        {
            throw new ArgumentException($"A row has {_columns.Length} values, got {row.Length}.", nameof(row));
        }

        foreach (var value in row)
        {
            _values.Add(value);
        }
    }

    /// <summary>The rows as one statement, and forgets them.</summary>
    public NpgsqlBatchCommand Take()
    {
        var rows = Count;
        var command = new NpgsqlBatchCommand(_sql);
        for (var column = 0; column < _columns.Length; column++)
        {
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | _columns[column], Value = Column(column, rows) });
        }

        _values.Clear();
        return command;
    }

    public void Clear() => _values.Clear();

    private object Column(int column, int rows)
    {
        var width = _columns.Length;
        StatementValue At(int row) => _values[(row * width) + column];
        switch (_columns[column])
        {
            case NpgsqlDbType.Bigint:
                var longs = new long?[rows];
                for (var row = 0; row < rows; row++)
                {
                    longs[row] = At(row).Kind == StatementValueKind.Null ? null : At(row).Integer;
                }

                return longs;
            case NpgsqlDbType.Integer:
                var ints = new int?[rows];
                for (var row = 0; row < rows; row++)
                {
                    ints[row] = At(row).Kind == StatementValueKind.Null ? null : checked((int)At(row).Integer);
                }

                return ints;
            case NpgsqlDbType.Boolean:
                var truths = new bool?[rows];
                for (var row = 0; row < rows; row++)
                {
                    truths[row] = At(row).Kind == StatementValueKind.Null ? null : At(row).Integer != 0;
                }

                return truths;
            case NpgsqlDbType.Text:
                var texts = new string?[rows];
                for (var row = 0; row < rows; row++)
                {
                    texts[row] = (string?)At(row).Reference;
                }

                return texts;
            case NpgsqlDbType.Bytea:
                var blobs = new byte[]?[rows];
                for (var row = 0; row < rows; row++)
                {
                    blobs[row] = (byte[]?)At(row).Reference;
                }

                return blobs;
            default:
                throw new NotSupportedException($"No array of {_columns[column]} in a multi-row insert.");
        }
    }
}
