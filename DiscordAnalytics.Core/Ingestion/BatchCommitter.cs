using Microsoft.Extensions.Logging;

namespace DiscordAnalytics.Core.Ingestion;

/// <summary>
/// Commits one batch, whatever it takes, on the writer's thread. A store that refuses writes (full, I/O error,
/// read-only, locked, cannot be opened: <see cref="StoreFailure"/>) is waited out with the batch kept whole, with
/// backoff and without a limit, so the pipeline takes no more events and backpressure reaches every source; it
/// resumes by itself once a write succeeds. Any other failure is the batch's: it is halved until the events that
/// cannot be applied stand alone, each goes to the dead-letter table, and every other event commits.
/// </summary>
internal sealed class BatchCommitter(
    IngestionBatchWriter writer,
    IngestionNotifier notifier,
    StoreWriteStatus status,
    TimeSpan maxRetryDelay,
    TimeProvider time,
    ILogger logger)
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>An outage is logged when it starts or changes reason, then at most this often, never per retry or event.</summary>
    internal static readonly TimeSpan OutageLogInterval = TimeSpan.FromMinutes(1);

    private long _lastOutageLogAt;

    /// <summary>
    /// Returns when every event of <paramref name="batch"/> is committed or set aside as a dead letter; throws
    /// <see cref="OperationCanceledException"/> when stopping ends a wait, with nothing of the current part committed.
    /// </summary>
    /// <param name="waiting">How many more events wait behind the batch (for the outage log).</param>
    public async Task CommitAsync(IReadOnlyList<IngestEvent> batch, Func<int> waiting, CancellationToken stopping)
    {
        // Parts in delivery order: halves of a failing part go back on top, first half first, so commits keep order.
        var parts = new Stack<ArraySegment<IngestEvent>>();
        parts.Push(new ArraySegment<IngestEvent>([.. batch]));
        while (parts.TryPop(out var part))
        {
            var failure = await WriteAsync(part, waiting, stopping);
            if (failure is null)
            {
                continue;
            }

            if (part.Count == 1)
            {
                await DeadLetterAsync(part[0], failure, waiting, stopping);
                continue;
            }

            var half = part.Count / 2;
            parts.Push(part[half..]);
            parts.Push(part[..half]);
        }
    }

    /// <summary>Writes the part, waiting out the store; null when committed, else the failure that is the part's own.</summary>
    private async Task<Exception?> WriteAsync(ArraySegment<IngestEvent> part, Func<int> waiting, CancellationToken stopping)
    {
        var delay = FirstRetryDelay;
        while (true)
        {
            stopping.ThrowIfCancellationRequested();
            try
            {
                var outcome = await writer.WriteAsync(part, CancellationToken.None);
                Recovered();
                notifier.Publish(outcome.ChangedGuilds);
                return null;
            }
            catch (Exception ex) when (StoreFailure.ReasonOf(ex) is { } reason)
            {
                delay = await WaitOutAsync(reason, ex, part.Count + waiting(), delay, stopping);
            }
            catch (Exception ex)
            {
                return ex;
            }
        }
    }

    private async Task DeadLetterAsync(IngestEvent e, Exception failure, Func<int> waiting, CancellationToken stopping)
    {
        var delay = FirstRetryDelay;
        while (true)
        {
            stopping.ThrowIfCancellationRequested();
            try
            {
                var id = await writer.WriteDeadLetterAsync(e, failure, time.GetUtcNow().ToUnixTimeMilliseconds(), CancellationToken.None);
                Recovered();
                // Ids and types only: the event's content stays in the store, never in the log.
                logger.LogError(
                    failure,
                    "Set aside {EventType} event {EventId} of guild {GuildId} as dead letter {DeadLetterId}: it cannot be applied; the rest of its batch is committed",
                    e.TypeName,
                    e.EventId,
                    e.GuildId,
                    id);
                return;
            }
            catch (Exception ex)
            {
                // A dead letter that cannot be stored is not dropped: the store is in no state to take writes.
                delay = await WaitOutAsync(StoreFailure.ReasonOf(ex) ?? "store refuses dead letters", ex, 1 + waiting(), delay, stopping);
            }
        }
    }

    private async Task<TimeSpan> WaitOutAsync(string reason, Exception failure, int waiting, TimeSpan delay, CancellationToken stopping)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (status.Failed(reason, now))
        {
            _lastOutageLogAt = now;
            logger.LogError(failure, "The store refuses writes ({Reason}); ingestion holds {Waiting} events, takes no more and retries until the store accepts writes", reason, waiting);
        }
        else if (now - _lastOutageLogAt >= OutageLogInterval.TotalMilliseconds)
        {
            _lastOutageLogAt = now;
            logger.LogWarning(
                "The store still refuses writes ({Reason}) after {Attempts} attempts since {Since:O}; {Waiting} events wait",
                reason,
                status.FailedAttempts,
                DateTimeOffset.FromUnixTimeMilliseconds(status.UnavailableSince ?? now),
                waiting);
        }

        // A fresh connection on the next attempt sees the store as it is then (remounted, permissions fixed, space freed).
        await writer.CloseConnectionAsync();
        await Task.Delay(delay, time, stopping);
        return TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, maxRetryDelay.Ticks));
    }

    private void Recovered()
    {
        if (status.State != StoreWriteState.StoreUnavailable)
        {
            return;
        }

        var since = status.UnavailableSince ?? time.GetUtcNow().ToUnixTimeMilliseconds();
        var attempts = status.FailedAttempts;
        status.Recovered();
        logger.LogWarning(
            "The store accepts writes again after {Seconds} s and {Attempts} failed attempts; ingestion resumes",
            (time.GetUtcNow().ToUnixTimeMilliseconds() - since) / 1000,
            attempts);
    }
}
