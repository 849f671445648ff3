using DiscordAnalytics.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DiscordAnalytics.Core.Leadership;

/// <summary>
/// On PostgreSQL, decides which of the instances sharing the store leads: the one holding a session advisory lock
/// (<c>pg_try_advisory_lock</c>) on a connection of its own, kept open for as long as it leads. A standby tries the lock
/// every <see cref="LeadershipOptions.CheckInterval"/>; the leader checks its connection as often, and ends its term the
/// moment that connection fails (the server releases the lock with the connection, so another instance may already
/// lead). Stopping ends the term first and closes the connection last, which hands the lock over. On SQLite it does
/// nothing: <see cref="InstanceLeadership.Sole"/> leads.
/// </summary>
public sealed partial class PostgresLeaderElection(
    InstanceLeadership leadership,
    IOptions<StorageOptions> storage,
    IOptions<LeadershipOptions> options,
    TimeProvider time,
    ILogger<PostgresLeaderElection> logger) : IHostedService, IAsyncDisposable
{
    /// <summary>The advisory lock's key ("DAleader"), one per database: instances of other databases never contend.</summary>
    public const long LockKey = 0x4441_6C65_6164_6572;

    /// <summary>The application name of the lock's connection, as <c>pg_stat_activity</c> shows it.</summary>
    public const string ApplicationName = "discord-analytics leader lock";

    private readonly CancellationTokenSource _stopping = new();
    private NpgsqlConnection? _connection;
    private Task? _loop;
    private bool _reportedUnreachable;
    private bool _disposed;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!leadership.IsContested)
        {
            return;
        }

        // One try before the other services start: the first instance leads from its start, so it connects to the
        // gateway and resumes backfills at once; a second one starts as a standby.
        await CheckAsync(cancellationToken).ConfigureAwait(false);
        _loop = Task.Run(() => LoopAsync(_stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Nothing runs on SQLite; and a test host may stop its services again after disposing them.
        if (_loop is null || _disposed)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        // Services stop in reverse order, so the gateway and the writer stopped before this; closing the connection
        // releases the lock for a standby.
        leadership.End("stopping");
        await CloseAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _stopping.CancelAsync().ConfigureAwait(false);
        leadership.End("stopping");
        await CloseAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task LoopAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.CheckInterval, time, stopping).ConfigureAwait(false);
                await CheckAsync(stopping).ConfigureAwait(false);
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                // Whatever a check that the stop interrupted threw (Npgsql may report a timeout instead of the cancellation).
                return;
            }
        }
    }

    /// <summary>The leader checks that its connection (and so the lock) is still there; a standby tries the lock.</summary>
    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            var connection = _connection ??= await OpenOrAbandonAsync(OpenAsync, cancellationToken).ConfigureAwait(false);
            if (leadership.Role == InstanceRole.Leader)
            {
                await using var check = new NpgsqlCommand("SELECT 1", connection);
                await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                return;
            }

            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", LockKey);
            _reportedUnreachable = false;
            if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true)
            {
                await leadership.BeginAsync("holds the leader lock", cancellationToken).ConfigureAwait(false);
                LogLeading(logger);
            }
            else
            {
                leadership.End("another instance holds the leader lock; this one serves the dashboard and takes over when it stops");
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or IOException or InvalidOperationException
                                   && !cancellationToken.IsCancellationRequested)
        {
            // Whether the server went away or only this connection did, the lock may be someone else's now.
            if (leadership.Role == InstanceRole.Leader)
            {
                leadership.End("lost the connection holding the leader lock; trying again");
                LogLost(logger, ex.GetType().Name);
            }
            else
            {
                leadership.End("cannot reach the store's server to try the leader lock; trying again");
                if (!_reportedUnreachable)
                {
                    _reportedUnreachable = true;
                    LogUnreachable(logger, ex.GetType().Name);
                }
            }

            await CloseAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Npgsql does not always give up an open at once when asked to (a server that accepted the connection and then says
    /// nothing keeps it until the connection timeout): a stop does not wait for it, and a connection it still makes is closed.
    /// </summary>
    private static async Task<NpgsqlConnection> OpenOrAbandonAsync(Func<CancellationToken, Task<NpgsqlConnection>> open, CancellationToken cancellationToken)
    {
        var opening = open(cancellationToken);
        try
        {
            return await opening.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _ = opening.ContinueWith(
                async made =>
                {
                    if (made.IsCompletedSuccessfully)
                    {
                        await made.Result.DisposeAsync().ConfigureAwait(false);
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.None,
                TaskScheduler.Default);
            throw;
        }
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var interval = options.Value.CheckInterval;
        var seconds = (int)Math.Clamp(Math.Ceiling(interval.TotalSeconds * 2), 2, 30);
        // Its own connection, never pooled: a pooled one would go back to the pool, lock and all, when closed.
        var builder = new NpgsqlConnectionStringBuilder(storage.Value.ConnectionString)
        {
            Pooling = false,
            ApplicationName = ApplicationName,
            Timeout = seconds,
            CommandTimeout = seconds,
            KeepAlive = seconds,
        };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task CloseAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "This instance holds the leader lock: it runs the gateway, the writer, backfill and the jobs")]
    private static partial void LogLeading(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the connection holding the leader lock ({Error}); the gateway and jobs stop until the lock is held again")]
    private static partial void LogLost(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot reach the store's server to try the leader lock ({Error}); trying again")]
    private static partial void LogUnreachable(ILogger logger, string error);
}
