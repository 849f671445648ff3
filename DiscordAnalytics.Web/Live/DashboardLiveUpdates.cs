using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Web.Live;

/// <summary>
/// One per circuit (scoped): turns the stream of committed ingestion batches into at most one refresh
/// per <see cref="MinInterval"/>, carrying every guild that changed since the last refresh. Cards
/// subscribe to <see cref="Refresh"/> and reload when their guild is in the set. While the circuit has no
/// connection (<see cref="LiveCircuitHandler"/>: a tab closed or left, a network drop) nothing is raised:
/// no card reloads for a page nobody sees, and no chart calls a browser that is gone; the changes made
/// meanwhile are raised once the connection is back.
/// </summary>
public sealed class DashboardLiveUpdates : IDisposable
{
    /// <summary>The shortest time between two refreshes of one circuit.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);

    private readonly IngestionNotifier _notifier;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly HashSet<ulong> _pending = [];
    private ITimer? _timer;
    private long? _lastFiredAt;
    private bool _scheduled;
    private bool _paused;
    private bool _disposed;

    public DashboardLiveUpdates(IngestionNotifier notifier, TimeProvider time)
    {
        _notifier = notifier;
        _time = time;
        _notifier.BatchCommitted += OnBatchCommitted;
    }

    /// <summary>Raised (off the UI thread) with the guilds whose numbers changed.</summary>
    public event Action<IReadOnlySet<ulong>>? Refresh;

    public void Dispose()
    {
        _notifier.BatchCommitted -= OnBatchCommitted;
        lock (_gate)
        {
            _disposed = true;
            _timer?.Dispose();
            _timer = null;
        }
    }

    /// <summary>The circuit lost its connection: changes are kept, not raised.</summary>
    public void Pause()
    {
        lock (_gate)
        {
            _paused = true;
        }
    }

    /// <summary>The connection is back: the changes kept meanwhile are raised (within <see cref="MinInterval"/> of the last refresh).</summary>
    public void Resume()
    {
        lock (_gate)
        {
            _paused = false;
            ScheduleLocked();
        }
    }

    private void OnBatchCommitted(IReadOnlyList<ulong> guilds)
    {
        lock (_gate)
        {
            _pending.UnionWith(guilds);
            ScheduleLocked();
        }
    }

    /// <summary>Schedules a refresh of the pending changes unless one is scheduled, the circuit has no connection, or nothing changed.</summary>
    private void ScheduleLocked()
    {
        if (_disposed || _paused || _scheduled || _pending.Count == 0)
        {
            return;
        }

        _scheduled = true;
        var wait = _lastFiredAt is { } last ? MinInterval - _time.GetElapsedTime(last) : TimeSpan.Zero;
        var timer = _time.CreateTimer(_ => Fire(), null, wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        // A timer that is due now may fire inside CreateTimer (FakeTimeProvider does, on this thread; the
        // lock is reentrant); then Fire has already run and nothing is scheduled any more.
        if (_scheduled)
        {
            _timer = timer;
        }
        else
        {
            timer.Dispose();
        }
    }

    private void Fire()
    {
        HashSet<ulong> changed;
        lock (_gate)
        {
            _scheduled = false;
            _timer?.Dispose();
            _timer = null;
            if (_disposed || _paused || _pending.Count == 0)
            {
                return;
            }

            changed = [.. _pending];
            _pending.Clear();
            _lastFiredAt = _time.GetTimestamp();
        }

        Refresh?.Invoke(changed);
    }
}
