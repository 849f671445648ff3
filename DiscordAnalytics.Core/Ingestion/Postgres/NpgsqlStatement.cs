using System.Text.RegularExpressions;
using Npgsql;
using NpgsqlTypes;

namespace DiscordAnalytics.Core.Ingestion.Postgres;

/// <summary>
/// The PostgreSQL side of a <see cref="PreparedStatement"/>: one command kept for the connection's life, its @pN
/// parameters turned into PostgreSQL's positional $N+1 once. The writer's connection prepares a command on the server
/// from its second use on (Npgsql's automatic preparation: see <see cref="PostgresWriterConnection"/>), so each later execution
/// sends only the bound values. Runs inside whatever transaction the connection has. A statement whose answer the
/// writer does not wait for is queued instead (<see cref="Defer"/>); an execution that needs an answer goes last in the
/// round trip that sends the queue (one round trip, not two), so the server runs the connection's statements in the
/// order they were given.
/// </summary>
internal sealed partial class NpgsqlStatement : IDisposable
{
    private readonly NpgsqlCommand _command;
    private readonly NpgsqlParameter[] _parameters;
    private readonly StatementPipeline _pipeline;
    private readonly string _text;
    private readonly Func<NpgsqlBatchCommand> _asBatchCommand;
    private NpgsqlDataReader? _reader;

    /// <summary>The round trip the current reader came with when statements were queued before it; null when it ran alone.</summary>
    private NpgsqlBatch? _batch;

    public NpgsqlStatement(NpgsqlConnection connection, string sql)
    {
        var used = new SortedSet<int>();
        var text = ParameterName().Replace(sql, m =>
        {
            var index = int.Parse(m.Groups[1].ValueSpan, provider: null);
            used.Add(index);
            return "$" + (index + 1);
        });
        for (var i = 0; i < used.Count; i++)
        {
            if (!used.Contains(i))
            {
                throw new ArgumentException($"Parameters must be @p0..@p{used.Count - 1}; @p{i} is missing: {sql}");
            }
        }

        _text = text;
        _asBatchCommand = AsBatchCommand;
        _pipeline = StatementPipeline.Of(connection);
        _command = new NpgsqlCommand(text, connection);
        _parameters = new NpgsqlParameter[used.Count];
        for (var i = 0; i < _parameters.Length; i++)
        {
            _parameters[i] = new NpgsqlParameter();
            _command.Parameters.Add(_parameters[i]);
        }
    }

    public int ParameterCount => _parameters.Length;

    public int Execute(ReadOnlySpan<StatementValue> values)
    {
        Bind(values);
        return _pipeline.ExecuteAfterQueue(_asBatchCommand) ?? _command.ExecuteNonQuery();
    }

    public void Query(ReadOnlySpan<StatementValue> values)
    {
        Bind(values);
        if (_pipeline.QueryAfterQueue(_asBatchCommand) is { } sent)
        {
            (_batch, _reader) = sent;
            return;
        }

        _reader = _command.ExecuteReader();
    }

    /// <summary>Queues the statement with these values on the connection's <see cref="StatementPipeline"/>.</summary>
    /// <param name="rows">The rows it must change, or -1 when any count is right.</param>
    public void Defer(ReadOnlySpan<StatementValue> values, int rows)
    {
        // Bound on the kept parameters first, so a NULL takes the type this position had before, as in Execute.
        Bind(values);
        _pipeline.Add(AsBatchCommand(), rows);
    }

    /// <summary>The statement with its bound values, as one command of a batch.</summary>
    private NpgsqlBatchCommand AsBatchCommand()
    {
        var command = new NpgsqlBatchCommand(_text);
        foreach (var parameter in _parameters)
        {
            command.Parameters.Add(parameter.Clone());
        }

        return command;
    }

    public bool Read() => _reader!.Read();

    public long GetInt64(int column) => _reader!.GetFieldValue<long>(column);

    public int GetInt32(int column) => _reader!.GetFieldValue<int>(column);

    public bool GetBoolean(int column) => _reader!.GetBoolean(column);

    public string GetString(int column) => _reader!.GetString(column);

    public ReadOnlySpan<byte> GetBlob(int column) => _reader!.GetFieldValue<byte[]>(column);

    public bool IsDBNull(int column) => _reader!.IsDBNull(column);

    /// <summary>Reads a RETURNING statement to its end (every write applied) and closes the reader for the next execution.</summary>
    public void EndQuery()
    {
        if (_reader is { } reader)
        {
            _reader = null;
            reader.Dispose();
            _batch?.Dispose();
            _batch = null;
        }
    }

    public void Dispose()
    {
        EndQuery();
        _command.Dispose();
    }

    private void Bind(ReadOnlySpan<StatementValue> values)
    {
        if (values.Length != _parameters.Length)
        {
            throw new ArgumentException($"Statement takes {_parameters.Length} values, got {values.Length}.");
        }

        for (var i = 0; i < values.Length; i++)
        {
            var parameter = _parameters[i];
            var value = values[i];
            switch (value.Kind)
            {
                case StatementValueKind.Integer:
                    parameter.NpgsqlDbType = NpgsqlDbType.Bigint;
                    parameter.Value = value.Integer;
                    break;
                case StatementValueKind.Boolean:
                    parameter.NpgsqlDbType = NpgsqlDbType.Boolean;
                    parameter.Value = value.Integer != 0;
                    break;
                case StatementValueKind.Text:
                    parameter.NpgsqlDbType = NpgsqlDbType.Text;
                    parameter.Value = value.Reference;
                    break;
                case StatementValueKind.Blob:
                    parameter.NpgsqlDbType = NpgsqlDbType.Bytea;
                    parameter.Value = value.Reference;
                    break;
                default:
                    // A NULL keeps the type of the parameter's last value (the same column's), so the server's plan still fits.
                    parameter.Value = DBNull.Value;
                    break;
            }
        }
    }

    [GeneratedRegex(@"@p(\d+)")]
    private static partial Regex ParameterName();
}
