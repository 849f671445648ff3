using DiscordAnalytics.Core.Backfill;

namespace DiscordAnalytics.Tests.Backfill;

/// <summary>Records enqueued runs; the test executes them itself, so it decides when and in which "process".</summary>
public sealed class RecordingBackfillScheduler : IBackfillScheduler
{
    private readonly Lock _gate = new();
    private readonly List<long> _enqueued = [];

    public IReadOnlyList<long> Enqueued
    {
        get
        {
            lock (_gate)
            {
                return [.. _enqueued];
            }
        }
    }

    public void Enqueue(long runId)
    {
        lock (_gate)
        {
            _enqueued.Add(runId);
        }
    }
}
