using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>Collects normalized events; can be closed to simulate a slow store (backpressure).</summary>
public sealed class TestIngestionSink : IIngestionSink
{
    private readonly Lock _gate = new();
    private readonly List<IngestEvent> _events = [];
    private TaskCompletionSource _open = CompletedSource();

    public IReadOnlyList<IngestEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return _events.ToList();
            }
        }
    }

    public IReadOnlyList<IngestEvent> OfType(IngestEventType type) => Events.Where(e => e.Type == type).ToList();

    /// <summary>Makes writes wait until <see cref="Open"/>.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Open()
    {
        lock (_gate)
        {
            _open.TrySetResult();
        }
    }

    public async ValueTask WriteAsync(IngestEvent ingestEvent, CancellationToken cancellationToken)
    {
        Task open;
        lock (_gate)
        {
            open = _open.Task;
        }

        await open.WaitAsync(cancellationToken);
        lock (_gate)
        {
            _events.Add(ingestEvent);
        }
    }

    private static TaskCompletionSource CompletedSource()
    {
        var source = new TaskCompletionSource();
        source.SetResult();
        return source;
    }
}
