using System.Runtime.CompilerServices;
using Npgsql;

namespace DiscordAnalytics.Core.Ingestion.Postgres;

/// <summary>
/// The writer's statements whose results it does not wait for, queued on its PostgreSQL connection and sent together
/// as one <see cref="NpgsqlBatch"/>: one round trip for many statements instead of one each, which is what limited
/// ingestion on PostgreSQL. The server still runs them in the order they were queued, and every statement that needs
/// an answer goes last in the round trip that sends the queue (<see cref="ExecuteAfterQueue"/>,
/// <see cref="QueryAfterQueue"/>), so the store sees exactly the statements, in
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
        if (TakeQueue() is not { } batch)
        {
            return;
        }

        try
        {
            batch.ExecuteNonQuery();
            CheckCounts(batch);
        }
        finally
        {
            _expected.Clear();
            batch.Dispose();
        }
    }

    /// <summary>
    /// Runs what is queued and then <paramref name="command"/> in one round trip (a statement whose count is needed no
    /// longer costs a round trip of its own after the queue's); returns its count. Null when nothing is queued: the caller
    /// runs its own kept command, which the server has prepared.
    /// </summary>
    public int? ExecuteAfterQueue(Func<NpgsqlBatchCommand> command)
    {
        if (TakeQueue() is not { } batch)
        {
            return null;
        }

        try
        {
            var last = command();
            batch.BatchCommands.Add(last);
            batch.ExecuteNonQuery();
            CheckCounts(batch);
            return last.RecordsAffected;
        }
        finally
        {
            _expected.Clear();
            batch.Dispose();
        }
    }

    /// <summary>
    /// Runs what is queued and then <paramref name="command"/>, a statement that returns rows, in one round trip; the
    /// reader is on <paramref name="command"/>'s rows (the queued statements return none). Dispose the reader, then the
    /// batch. Null when nothing is queued.
    /// </summary>
    public (NpgsqlBatch Batch, NpgsqlDataReader Reader)? QueryAfterQueue(Func<NpgsqlBatchCommand> command)
    {
        if (TakeQueue() is not { } batch)
        {
            return null;
        }

        try
        {
            batch.BatchCommands.Add(command());
            var reader = batch.ExecuteReader();
            try
            {
                // The reader stands on the first rows, the last statement's: every queued statement has completed.
                CheckCounts(batch);
            }
            catch
            {
                reader.Dispose();
                throw;
            }

            _expected.Clear();
            return (batch, reader);
        }
        catch
        {
            _expected.Clear();
            batch.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="command"/>, a statement that returns rows, after what is queued (<see cref="QueryAfterQueue"/>),
    /// or alone when nothing is: one round trip either way. Dispose the reader, then the batch.
    /// </summary>
    public (NpgsqlBatch Batch, NpgsqlDataReader Reader) Query(Func<NpgsqlBatchCommand> command)
    {
        if (QueryAfterQueue(command) is { } sent)
        {
            return sent;
        }

        var batch = new NpgsqlBatch(_connection) { BatchCommands = { command() } };
        try
        {
            return (batch, batch.ExecuteReader());
        }
        catch
        {
            batch.Dispose();
            throw;
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

    /// <summary>
    /// Queues the multi-row inserts' rows here, ahead of what is queued after: for a statement queued next that changes
    /// one of those rows (which otherwise would run before them, at the end of the round trip).
    /// </summary>
    public void QueueInserts()
    {
        foreach (var insert in _inserts)
        {
            if (insert.Count is var rows and > 0)
            {
                Enqueue(insert.Take(), rows);
            }
        }
    }

    /// <summary>The queue as one batch (the multi-row inserts last), and an empty queue; null when nothing is queued.</summary>
    private NpgsqlBatch? TakeQueue()
    {
        QueueInserts();
        var batch = _batch;
        _batch = null;
        return batch;
    }

    /// <summary>A queued statement that changed another count than it must: another writer changed the same rows.</summary>
    private void CheckCounts(NpgsqlBatch batch)
    {
        for (var i = 0; i < _expected.Count; i++)
        {
            if (_expected[i] >= 0 && batch.BatchCommands[i].RecordsAffected != _expected[i])
            {
                throw new ConcurrentWriteException(_expected[i], batch.BatchCommands[i].RecordsAffected);
            }
        }
    }

    private void Enqueue(NpgsqlBatchCommand command, int rows)
    {
        _batch ??= new NpgsqlBatch(_connection);
        _batch.BatchCommands.Add(command);
        _expected.Add(rows);
    }
}
