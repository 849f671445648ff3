using System.Runtime.CompilerServices;
using Npgsql;

namespace DiscordAnalytics.Core.Ingestion.Postgres;

/// <summary>
/// The writer's statements whose results it does not wait for, queued on its PostgreSQL connection and sent together
/// as one <see cref="NpgsqlBatch"/>: one round trip for many statements instead of one each, which is what limited
/// ingestion on PostgreSQL. The server still runs them in the order they were queued, and every statement that needs
/// an answer sends the queue first (<see cref="NpgsqlStatement"/>), so the store sees exactly the statements, in
/// exactly the order, that it would have run one by one. A queued statement may say how many rows it must change; a
/// different count means another writer changed the same rows meanwhile (e.g. a leader that lost its lock still
/// committing), and the batch fails as a <see cref="ConcurrentWriteException"/>, which the writer retries from the store.
/// </summary>
internal sealed class StatementPipeline
{
    /// <summary>Statements per round trip at most: bounds the memory a long queue holds and the size of one message.</summary>
    internal const int MaxQueued = 2_000;

    private static readonly ConditionalWeakTable<NpgsqlConnection, StatementPipeline> Pipelines = [];

    private readonly NpgsqlConnection _connection;
    private readonly List<int> _expected = [];
    private readonly List<UnnestInsert> _inserts = [];
    private NpgsqlBatch? _batch;

    private StatementPipeline(NpgsqlConnection connection) => _connection = connection;

    /// <summary>The one queue of <paramref name="connection"/>, shared by every statement on it.</summary>
    public static StatementPipeline Of(NpgsqlConnection connection) => Pipelines.GetValue(connection, c => new StatementPipeline(c));

    public int Count => _expected.Count;

    /// <param name="rows">The rows the statement must change, or -1 when any count is right.</param>
    public void Add(NpgsqlBatchCommand command, int rows)
    {
        Enqueue(command, rows);
        if (_expected.Count >= MaxQueued)
        {
            Flush();
        }
    }

    /// <summary>Sends <paramref name="insert"/>'s rows with every round trip of the queue, after the statements queued before it.</summary>
    public void Register(UnnestInsert insert) => _inserts.Add(insert);

    /// <summary>Runs what is queued, in order, in the connection's transaction; nothing when the queue is empty.</summary>
    public void Flush()
    {
        foreach (var insert in _inserts)
        {
            if (insert.Count is var rows and > 0)
            {
                Enqueue(insert.Take(), rows);
            }
        }

        if (_batch is not { } batch)
        {
            return;
        }

        _batch = null;
        try
        {
            batch.ExecuteNonQuery();
            for (var i = 0; i < _expected.Count; i++)
            {
                if (_expected[i] >= 0 && batch.BatchCommands[i].RecordsAffected != _expected[i])
                {
                    throw new ConcurrentWriteException(_expected[i], batch.BatchCommands[i].RecordsAffected);
                }
            }
        }
        finally
        {
            _expected.Clear();
            batch.Dispose();
        }
    }

    /// <summary>Forgets what is queued: its transaction is rolled back, so none of it may run.</summary>
    public void Discard()
    {
        _batch?.Dispose();
        _batch = null;
        _expected.Clear();
        foreach (var insert in _inserts)
        {
            insert.Clear();
        }
    }

    private void Enqueue(NpgsqlBatchCommand command, int rows)
    {
        _batch ??= new NpgsqlBatch(_connection);
        _batch.BatchCommands.Add(command);
        _expected.Add(rows);
    }
}
