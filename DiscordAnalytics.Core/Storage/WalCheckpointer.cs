using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace DiscordAnalytics.Core.Storage;

/// <summary>
/// Copies the store's write-ahead log back into the database file on its own connection and thread. SQLite's
/// automatic checkpoint runs inside the commit that takes the log past 1,000 pages, on the committing thread:
/// for the ingestion writer that was ~11% of its time in bulk ingestion, now spent beside the next batch.
/// The writer keeps a raised automatic checkpoint (<see cref="WriterAutoCheckpointPages"/>) as the bound on the
/// log: a PASSIVE checkpoint running beside continuous writes never lets SQLite start the log over by itself.
/// A failed checkpoint loses nothing (the log still holds every page); it is logged and the next one catches up.
/// </summary>
public sealed class WalCheckpointer : IAsyncDisposable
{
    /// <summary>Pages (4 KiB) after which the writer's own commit checkpoints, as SQLite's 1,000 would: ~40 MB of log.</summary>
    public const int WriterAutoCheckpointPages = 10_000;

    private readonly string _connectionString;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private Task _running = Task.CompletedTask;
    private SqliteConnection? _connection;
    private bool _disposed;

    /// <summary>A request came while a checkpoint was running: it had started before the newest commit, so run once more.</summary>
    private bool _again;

    public WalCheckpointer(string connectionString, ILogger logger)
    {
        _connectionString = connectionString;
        _logger = logger;
    }

    /// <summary>
    /// Starts a PASSIVE checkpoint; while one is running, that one runs once more when it ends, so the commits made
    /// since it started (the last batch of a bulk ingestion, say) do not wait in the log for the next request.
    /// </summary>
    public void Request()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (_running.IsCompleted)
            {
                // Its own thread, not a pool thread: a checkpoint is a long synchronous call (see IngestionPipeline.StartAsync).
                _running = Task.Factory.StartNew(Checkpoint, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            }
            else
            {
                _again = true;
            }
        }
    }

    /// <summary>Completes when no checkpoint is running.</summary>
    public Task IdleAsync()
    {
        lock (_gate)
        {
            return _running;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task running;
        lock (_gate)
        {
            _disposed = true;
            running = _running;
        }

        await running;
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    private void Checkpoint()
    {
        do
        {
            CheckpointOnce();
        }
        while (TakeAgain());
    }

    private bool TakeAgain()
    {
        lock (_gate)
        {
            var again = _again && !_disposed;
            _again = false;
            return again;
        }
    }

    private void CheckpointOnce()
    {
        try
        {
            _connection ??= Open(_connectionString);
            using var command = _connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            command.ExecuteNonQuery();
        }
        catch (Exception ex)
        {
            // Never thrown on: a faulted checkpoint would otherwise surface in the writer's dispose at shutdown.
            _logger.LogWarning(ex, "A background checkpoint of the store's log failed; the next one catches up");
        }
    }

    /// <summary>A connection that is kept only once it is open (a failed open is tried again by the next checkpoint).</summary>
    private static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            SqlitePragmas.Apply(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
