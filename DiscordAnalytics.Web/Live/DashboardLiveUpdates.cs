using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Web.Live;

/// <summary>
/// One per circuit (scoped): turns the stream of committed ingestion batches into at most one refresh
/// per <see cref="MinInterval"/>, carrying every guild that changed since the last refresh. Cards
/// subscribe to <see cref="Refresh"/> and reload when their guild is in the set.
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

    private void OnBatchCommitted(IReadOnlyList<ulong> guilds)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _pending.UnionWith(guilds);
            if (_scheduled)
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
    }

    private void Fire()
    {
        HashSet<ulong> changed;
        lock (_gate)
        {
            _scheduled = false;
            _timer?.Dispose();
            _timer = null;
            if (_disposed || _pending.Count == 0)
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
