namespace DiscordAnalytics.Core.Backfill;

/// <summary>
/// The runs executing in this process. A run executes at most once at a time here: job storage may hand the
/// same job out twice (Hangfire.Storage.SQLite), and the second execution then does nothing.
/// </summary>
public sealed class BackfillRegistry(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, BackfillExecution> _active = [];

    /// <summary>Claims <paramref name="runId"/>; null when it is already executing.</summary>
    public BackfillExecution? TryBegin(long runId, CancellationToken outer)
    {
        lock (_gate)
        {
            if (_active.ContainsKey(runId))
            {
                return null;
            }

            BackfillExecution? execution = null;
            execution = new BackfillExecution(runId, outer, time.GetUtcNow().ToUnixTimeMilliseconds(), () =>
            {
                lock (_gate)
                {
                    if (_active.TryGetValue(runId, out var current) && ReferenceEquals(current, execution))
                    {
                        _active.Remove(runId);
                    }
                }
            });
            _active[runId] = execution;
            return execution;
        }
    }

    public BackfillExecution? Find(long runId)
    {
        lock (_gate)
        {
            return _active.GetValueOrDefault(runId);
        }
    }

    /// <summary>Stops the execution of <paramref name="runId"/> if there is one here.</summary>
    public void Stop(long runId) => Find(runId)?.Stop();
}
