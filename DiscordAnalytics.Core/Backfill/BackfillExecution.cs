namespace DiscordAnalytics.Core.Backfill;

/// <summary>One in-process execution of a run: its stop switch and its request count (for the live request rate).</summary>
public sealed class BackfillExecution : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly Action _onDispose;
    private long _requests;

    internal BackfillExecution(long runId, CancellationToken outer, long startedAt, Action onDispose)
    {
        RunId = runId;
        StartedAt = startedAt;
        _onDispose = onDispose;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(outer);
    }

    public long RunId { get; }

    /// <summary>Epoch ms this execution began.</summary>
    public long StartedAt { get; }

    public CancellationToken Token => _stop.Token;

    /// <summary>Requests made by this execution so far.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    public void CountRequest() => Interlocked.Increment(ref _requests);

    /// <summary>Stops the execution at its next await (pause, cancel).</summary>
    public void Stop()
    {
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already finished.
        }
    }

    public void Dispose()
    {
        _onDispose();
        _stop.Dispose();
    }
}
