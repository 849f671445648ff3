using System.Threading.Channels;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.ChannelDays;
using DiscordAnalytics.Core.Storage.MemberDays;
using DiscordAnalytics.Core.Storage.SupportCommits;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Core.Ingestion;

/// <summary>
/// Sources write normalized events into a bounded queue; one reader drains it in batches into the store.
/// A full queue makes sources wait (never drops). A store that refuses writes (full, I/O error, read-only, locked,
/// cannot be opened) is waited out as long as it takes, the batch kept whole (the queue then fills and sources
/// wait); an event that cannot be applied goes to the dead-letter table while the rest of its batch commits
/// (<see cref="BatchCommitter"/>). Stopping drains what is queued, or ends the wait when the host stops waiting.
/// </summary>
public sealed class IngestionPipeline : IHostedService, IIngestionSink, IIngestionFlusher, IIngestionStatus, IDisposable
{
    private readonly Channel<IngestEvent> _queue;
    private readonly IngestionOptions _options;
    private readonly ILogger<IngestionPipeline> _logger;
    private readonly IngestionBatchWriter _writer;
    private readonly BatchCommitter _committer;
    private readonly Lock _progressGate = new();
    private readonly Lock _enqueueGate = new();
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
        ILogger<IngestionPipeline> logger,
        IStoreWriteHook? hook = null,
        IMemberDayListener? memberDays = null,
        IChannelDayListener? channelDays = null,
        ISupportListener? support = null)
    {
        _options = options.Value;
        _logger = logger;
        _writer = new IngestionBatchWriter(storage.Value, mode.GuildMode, logger, hook, memberDays, channelDays, support);
        _committer = new BatchCommitter(_writer, notifier, StoreStatus, _options.StoreRetryMaxDelay, time, logger);
        _queue = Channel.CreateBounded<IngestEvent>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    /// <summary>Events waiting to be written (the ingestion lag the dashboard shows).</summary>
    public int QueueLength => _queue.Reader.Count;

    /// <summary>Events written, skipped or set aside as dead letters since start.</summary>
    public long Processed => Interlocked.Read(ref _processed);

    /// <summary>Events received and not yet committed: the queue plus the batch being written (the whole backlog).</summary>
    public long Pending => Interlocked.Read(ref _enqueued) - Processed;

    /// <summary>Whether the store takes writes, and if not why and since when (/healthz, the top bar).</summary>
    public StoreWriteStatus StoreStatus { get; } = new();

    public async ValueTask WriteAsync(IngestEvent ingestEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ingestEvent);
        while (true)
        {
            lock (_enqueueGate)
            {
                // Queued and counted as one step: with several writers (the gateway, backfill channels paged
                // concurrently) a flush target then covers exactly the events queued before it, never a neighbour's
                // event counted late in place of one's own.
                if (_queue.Writer.TryWrite(ingestEvent))
                {
                    Interlocked.Increment(ref _enqueued);
                    return;
                }
            }

            if (!await _queue.Writer.WaitToWriteAsync(cancellationToken))
            {
                throw new ChannelClosedException();
            }
        }
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
            // The host's shutdown timeout ran out (a store that refuses writes never lets the queue drain): end the
            // wait, leaving the batch in hand uncommitted. A write under way finishes or rolls back first.
            await _stopping.CancelAsync();
            await _loop;
            _logger.LogWarning("Ingestion stopped with {Count} events received and not committed", Pending);
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
                _committer.CommitAsync(batch, () => _queue.Reader.Count, stoppingToken).GetAwaiter().GetResult();
                Advance(batch.Count);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped while the store refused writes: the batch in hand stays uncommitted (see StopAsync).
        }
        catch (Exception ex)
        {
            _logger.LogCritical(ex, "Ingestion stopped unexpectedly");
            throw;
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
