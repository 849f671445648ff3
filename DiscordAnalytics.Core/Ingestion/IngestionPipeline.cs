using System.Threading.Channels;
using DiscordAnalytics.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Core.Ingestion;

/// <summary>
/// Sources write normalized events into a bounded queue; one reader drains it in batches into the store.
/// A full queue makes sources wait (never drops). A store locked by another connection is waited for
/// as long as it takes (the queue then fills and sources wait). Any other failing batch is retried, then
/// split so one poison event is logged and skipped while everything else lands. Stopping drains what is queued.
/// </summary>
public sealed class IngestionPipeline : IHostedService, IIngestionSink, IIngestionFlusher, IIngestionStatus, IDisposable
{
    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)];

    private readonly Channel<IngestEvent> _queue;
    private readonly IngestionOptions _options;
    private readonly IngestionNotifier _notifier;
    private readonly ILogger<IngestionPipeline> _logger;
    private readonly TimeProvider _time;
    private readonly IngestionBatchWriter _writer;
    private readonly Lock _progressGate = new();
    private readonly List<(long Target, TaskCompletionSource Done)> _flushWaiters = [];
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;
    private long _enqueued;
    private int _disposed;
    private long _processed;

    public IngestionPipeline(
        IOptions<IngestionOptions> options,
        IOptions<StorageOptions> storage,
        IngestionMode mode,
        IngestionNotifier notifier,
        TimeProvider time,
        ILogger<IngestionPipeline> logger)
    {
        _options = options.Value;
        _notifier = notifier;
        _logger = logger;
        _time = time;
        _writer = new IngestionBatchWriter(storage.Value.ConnectionString, mode.GuildMode, logger);
        _queue = Channel.CreateBounded<IngestEvent>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    /// <summary>Events waiting to be written (the ingestion lag the dashboard shows).</summary>
    public int QueueLength => _queue.Reader.Count;

    /// <summary>Events written or skipped since start.</summary>
    public long Processed => Interlocked.Read(ref _processed);

    public async ValueTask WriteAsync(IngestEvent ingestEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ingestEvent);
        await _queue.Writer.WriteAsync(ingestEvent, cancellationToken);
        Interlocked.Increment(ref _enqueued);
    }

    /// <summary>Completes when every event written before this call has been committed (or skipped).</summary>
    public Task FlushAsync(CancellationToken cancellationToken)
    {
        var target = Interlocked.Read(ref _enqueued);
        lock (_progressGate)
        {
            if (_processed >= target)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _flushWaiters.Add((target, done));
            return done.Task.WaitAsync(cancellationToken);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The writer is a long-lived consumer whose SQLite calls never yield: it gets a thread of its own instead of
        // holding a pool thread through every batch, which on a 2-core machine starved the continuations of the
        // sources feeding the queue (and of everything else the host runs on the pool) until the pool grew.
        _loop = Task.Factory.StartNew(() => Run(_stopping.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return Task.CompletedTask;
    }

    /// <summary>Takes no more input and drains what is queued (graceful shutdown loses nothing queued).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        try
        {
            await _loop.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout ran out: stop retrying and let the current batch finish or roll back.
            await _stopping.CancelAsync();
            _logger.LogWarning("Ingestion stopped with {Count} events still queued", _queue.Reader.Count);
        }
    }

    /// <summary>Idempotent: the container disposes it once as a singleton and once as a hosted service.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _stopping.Cancel();
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stopping.Dispose();
    }

    /// <summary>The writer's thread: blocks while the queue is empty, writes batches while it is not.</summary>
    private void Run(CancellationToken stoppingToken)
    {
        var batch = new List<IngestEvent>(_options.MaxBatchSize);
        try
        {
            // Ends when StopAsync has completed the queue and everything in it is written.
            while (WaitToRead())
            {
                batch.Clear();
                while (batch.Count < _options.MaxBatchSize && _queue.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                }

                // The store's calls complete synchronously, so the batch is written on this thread; only a retry's
                // delay continues elsewhere while this thread waits for it.
                WriteWithRetryAsync(batch, stoppingToken).GetAwaiter().GetResult();
                Advance(batch.Count);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogCritical(ex, "Ingestion stopped unexpectedly");
            throw;
        }
    }

    private async Task WriteWithRetryAsync(List<IngestEvent> batch, CancellationToken stoppingToken)
    {
        for (int attempt = 0, locked = 0; ; )
        {
            try
            {
                var outcome = await _writer.WriteAsync(batch, CancellationToken.None);
                _notifier.Publish(outcome.ChangedGuilds);
                return;
            }
            catch (SqliteException ex) when (IsLockedByAnother(ex) && !stoppingToken.IsCancellationRequested)
            {
                // Not the batch's fault: splitting it would only skip every event. Wait, however long it takes.
                locked++;
                _logger.LogWarning("The store is locked by another connection (wait {Wait}); a batch of {Count} events waits for it", locked, batch.Count);
                await Task.Delay(RetryDelays[^1], _time, CancellationToken.None);
            }
            catch (Exception ex) when (attempt < RetryDelays.Length && !stoppingToken.IsCancellationRequested)
            {
                _logger.LogWarning(ex, "Ingestion batch of {Count} events failed (attempt {Attempt}); retrying", batch.Count, attempt + 1);
                await Task.Delay(RetryDelays[attempt], _time, CancellationToken.None);
                attempt++;
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Ingestion batch of {Count} events keeps failing; writing its events one by one", batch.Count);
                await WriteOneByOneAsync(batch);
                return;
            }
        }
    }

    /// <summary>SQLITE_BUSY / SQLITE_LOCKED: another connection holds the lock past the busy timeout.</summary>
    private static bool IsLockedByAnother(SqliteException ex) => ex.SqliteErrorCode is 5 or 6;

    /// <summary>Isolates a poison event: every other event of the batch still lands.</summary>
    private async Task WriteOneByOneAsync(List<IngestEvent> batch)
    {
        foreach (var e in batch)
        {
            try
            {
                var outcome = await _writer.WriteAsync([e], CancellationToken.None);
                _notifier.Publish(outcome.ChangedGuilds);
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Skipped {EventType} event {EventId} of guild {GuildId}: it cannot be written", e.TypeName, e.EventId, e.GuildId);
            }
        }
    }

    private bool WaitToRead()
    {
        var ready = _queue.Reader.WaitToReadAsync(CancellationToken.None);
        return ready.IsCompletedSuccessfully ? ready.Result : ready.AsTask().GetAwaiter().GetResult();
    }

    private void Advance(int count)
    {
        lock (_progressGate)
        {
            _processed += count;
            for (var i = _flushWaiters.Count - 1; i >= 0; i--)
            {
                if (_flushWaiters[i].Target <= _processed)
                {
                    _flushWaiters[i].Done.TrySetResult();
                    _flushWaiters.RemoveAt(i);
                }
            }
        }
    }
}
