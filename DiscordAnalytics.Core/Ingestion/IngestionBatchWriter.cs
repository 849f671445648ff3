using System.Data.Common;
using DiscordAnalytics.Core.Ingestion.DeadLetters;
using DiscordAnalytics.Core.Ingestion.Postgres;
using DiscordAnalytics.Core.Ingestion.Writing;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Core.Storage.ChannelDays;
using DiscordAnalytics.Core.Storage.MemberDays;
using DiscordAnalytics.Core.Storage.SupportCommits;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace DiscordAnalytics.Core.Ingestion;

/// <summary>
/// Applies a batch of normalized events to the store in ONE transaction: raw events (deduped by key), message and
/// reaction facts (reactions as state), and the rollups, so a crash can never leave rollups and events disagreeing.
/// Facts and rollups are written here and nowhere else; other writers touch only their own rows (retention prunes old
/// raw events, settings set a guild's time zone or hide a member; backfill keeps its progress rows). Each
/// event kind has its handler (namespace <c>Writing.Handlers</c>); this class owns the connection, the transaction
/// and the checkpoint requests. Not thread-safe by design: the pipeline writes from one thread. The same handlers and
/// statements run on SQLite and PostgreSQL (<see cref="PreparedStatement"/> drives either).
/// </summary>
public sealed class IngestionBatchWriter : IAsyncDisposable
{
    private readonly StorageOptions _storage;
    private readonly GuildMode _guildMode;
    private readonly ILogger _logger;

    /// <summary>SQLite's log checkpoints beside the writer; null on PostgreSQL, which manages its own log.</summary>
    private readonly WalCheckpointer? _checkpointer;
    private readonly IStoreWriteHook? _hook;
    private readonly IMemberDayListener? _memberDays;
    private readonly IChannelDayListener? _channelDays;
    private readonly ISupportListener? _support;

    /// <summary>Events committed since the last checkpoint request: bulk ingestion asks after every batch, live every few minutes.</summary>
    private int _sinceCheckpoint;

    /// <summary>The open connection with its statements, caches and handlers; null until the first write and after <see cref="CloseConnectionAsync"/>.</summary>
    private BatchApplier? _applier;

    /// <param name="connectionString">SQLite connection string of the store.</param>
    /// <param name="guildMode">Mode recorded for guilds this writer creates.</param>
    /// <param name="hook">Runs on the connection before each batch; the app has none (see <see cref="IStoreWriteHook"/>).</param>
    /// <param name="memberDays">Told each commit's member-rollup changes (the app's in-memory member days); without one, readers find them by version.</param>
    /// <param name="channelDays">Told each commit's channel-day changes (the app's in-memory channel days); without one, readers find them by version.</param>
    public IngestionBatchWriter(string connectionString, GuildMode guildMode, ILogger logger, IStoreWriteHook? hook = null, IMemberDayListener? memberDays = null, IChannelDayListener? channelDays = null, ISupportListener? support = null)
        : this(new StorageOptions { ConnectionString = connectionString }, guildMode, logger, hook, memberDays, channelDays, support)
    {
    }

    /// <param name="storage">The store: SQLite or PostgreSQL, with its connection string.</param>
    /// <param name="guildMode">Mode recorded for guilds this writer creates.</param>
    /// <param name="hook">Runs on a SQLite connection before each batch; the app has none (see <see cref="IStoreWriteHook"/>).</param>
    /// <param name="memberDays">Told each commit's member-rollup changes (the app's in-memory member days); without one, readers find them by version.</param>
    /// <param name="channelDays">Told each commit's channel-day changes (the app's in-memory channel days); without one, readers find them by version.</param>
    public IngestionBatchWriter(StorageOptions storage, GuildMode guildMode, ILogger logger, IStoreWriteHook? hook = null, IMemberDayListener? memberDays = null, IChannelDayListener? channelDays = null, ISupportListener? support = null)
    {
        ArgumentNullException.ThrowIfNull(storage);
        _support = support;
        _storage = storage;
        _memberDays = memberDays;
        _channelDays = channelDays;
        _guildMode = guildMode;
        _logger = logger;
        _hook = hook;
        _checkpointer = storage.Kind == StoreProvider.Sqlite ? new WalCheckpointer(storage.ConnectionString, logger) : null;
    }

    /// <summary>Events after which a commit asks for a background checkpoint of the log.</summary>
    internal const int CheckpointEveryEvents = 1_000;

    /// <summary>Completes when no background checkpoint is running.</summary>
    internal Task CheckpointIdleAsync() => _checkpointer?.IdleAsync() ?? Task.CompletedTask;

    /// <summary>Writes the batch; returns how many events were new (not duplicates) and how many were rejected as invalid.</summary>
    public async Task<BatchOutcome> WriteAsync(IReadOnlyList<IngestEvent> events, CancellationToken cancellationToken)
    {
        var applier = await OpenAsync(cancellationToken);
        var connection = applier.Context.Connection;
        if (connection is SqliteConnection sqlite)
        {
            _hook?.BeforeBatch(sqlite);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            var outcome = applier.Apply(events);
            await transaction.CommitAsync(cancellationToken);
            if (applier.Context.MemberDayCommits is { Count: > 0 } commits)
            {
                _memberDays?.Committed(commits);
            }

            if (applier.Context.ChannelDayCommits is { Count: > 0 } channelCommits)
            {
                _channelDays?.Committed(channelCommits);
            }

            if (applier.Context.Support.Commits is { Count: > 0 } supportCommits)
            {
                _support?.Committed(supportCommits);
            }

            _sinceCheckpoint += events.Count;
            if (_sinceCheckpoint >= CheckpointEveryEvents)
            {
                _sinceCheckpoint = 0;
                _checkpointer?.Request();
            }

            return outcome;
        }
        catch
        {
            // The transaction rolls back on dispose: what the caches learnt from this batch may not be stored.
            applier.Context.ResetCaches();
            throw;
        }
    }

    /// <summary>
    /// Records that <paramref name="e"/> cannot be applied: a new dead letter, or one more failed attempt on the one it
    /// was retried from. Returns the dead letter's id. A store failure here throws like any write (the caller waits it out).
    /// </summary>
    public async Task<long> WriteDeadLetterAsync(IngestEvent e, Exception failure, long failedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(failure);
        var applier = await OpenAsync(cancellationToken);
        return await DeadLetterRecorder.RecordAsync(applier.Context.Connection, e, failure, failedAt, cancellationToken);
    }

    /// <summary>
    /// Drops the connection and its statements; the next write opens a fresh one. After the store refused a write
    /// (an I/O error, a file that was read-only or could not be opened), a new connection sees the store as it is now.
    /// </summary>
    public async ValueTask CloseConnectionAsync()
    {
        if (_applier is { } applier)
        {
            _applier = null;
            applier.Dispose();
            await applier.Context.Connection.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_checkpointer is not null)
        {
            await _checkpointer.DisposeAsync();
        }

        await CloseConnectionAsync();
    }

    private async Task<BatchApplier> OpenAsync(CancellationToken cancellationToken)
    {
        if (_applier is { } open)
        {
            return open;
        }

        DbConnection connection = _storage.Kind == StoreProvider.Postgres
            ? await PostgresWriterConnection.OpenAsync(_storage.ConnectionString, cancellationToken)
            : await SqlitePragmas.OpenAsync(_storage.ConnectionString, cancellationToken);
        try
        {
            if (connection is SqliteConnection)
            {
                // Checkpoints run beside the writer (WalCheckpointer); its own commits checkpoint only past this bound.
                await using var autoCheckpoint = connection.CreateCommand();
                autoCheckpoint.CommandText = $"PRAGMA wal_autocheckpoint={WalCheckpointer.WriterAutoCheckpointPages}";
                await autoCheckpoint.ExecuteNonQueryAsync(cancellationToken);
            }

            _applier = new BatchApplier(new WriteContext(connection, _guildMode.StoredName()) { ReadsContentScoresBack = _channelDays is not null }, _logger);
            return _applier;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
