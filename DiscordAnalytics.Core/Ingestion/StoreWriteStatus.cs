namespace DiscordAnalytics.Core.Ingestion;

/// <summary>
/// The ingestion writer's view of the store: writing, or unavailable with the reason, since when and how many
/// attempts failed. Read by /healthz and the top bar; only the writer's thread changes it.
/// </summary>
public sealed class StoreWriteStatus
{
    private readonly Lock _gate = new();
    private Snapshot _current = new(StoreWriteState.Writing, null, null, 0);

    /// <summary>Raised after the state or reason changes (not on every failed attempt); handlers must be cheap and must not throw.</summary>
    public event Action? Changed;

    public StoreWriteState State => Current.State;

    /// <summary>Why writes fail (e.g. "store full"); null while writing. Never the exception's text.</summary>
    public string? Reason => Current.Reason;

    /// <summary>When the store stopped taking writes (epoch ms); null while writing.</summary>
    public long? UnavailableSince => Current.Since;

    /// <summary>Failed attempts of the current outage (0 while writing).</summary>
    public int FailedAttempts => Current.Attempts;

    private Snapshot Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>Another failed attempt; returns true when it began an outage or changed its reason.</summary>
    public bool Failed(string reason, long at)
    {
        bool changed;
        lock (_gate)
        {
            changed = _current.State != StoreWriteState.StoreUnavailable || _current.Reason != reason;
            _current = new Snapshot(StoreWriteState.StoreUnavailable, reason, _current.Since ?? at, _current.Attempts + 1);
        }

        if (changed)
        {
            Changed?.Invoke();
        }

        return changed;
    }

    /// <summary>A batch committed: the outage, if any, is over.</summary>
    public void Recovered()
    {
        lock (_gate)
        {
            if (_current.State == StoreWriteState.Writing)
            {
                return;
            }

            _current = new Snapshot(StoreWriteState.Writing, null, null, 0);
        }

        Changed?.Invoke();
    }

    private sealed record Snapshot(StoreWriteState State, string? Reason, long? Since, int Attempts);
}
