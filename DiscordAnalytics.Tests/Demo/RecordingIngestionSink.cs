using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Tests.Demo;

/// <summary>An in-memory sink that records what a source writes.</summary>
public sealed class RecordingIngestionSink : IIngestionSink
{
    private readonly Lock _gate = new();
    private readonly List<IngestEvent> _events = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _events.Count;
            }
        }
    }

    public IReadOnlyList<IngestEvent> Snapshot()
    {
        lock (_gate)
        {
            return [.. _events];
        }
    }

    public ValueTask WriteAsync(IngestEvent ingestEvent, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _events.Add(ingestEvent);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Waits (real time) until at least <paramref name="count"/> events arrived; false on timeout.</summary>
    public async Task<bool> WaitForCountAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(5);
        }

        return true;
    }
}
