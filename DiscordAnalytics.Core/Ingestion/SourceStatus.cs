namespace DiscordAnalytics.Core.Ingestion;

/// <summary>
/// The one place the active source (demo simulator or gateway session) reports its state. Read by
/// /healthz and the dashboard's connection indicator.
/// </summary>
public sealed class SourceStatus
{
    private readonly Lock _gate = new();
    private SourceState _state = SourceState.Starting;
    private string? _reason;
    private long _reconnects;

    /// <summary>Raised after every change; handlers must be cheap and must not throw.</summary>
    public event Action? Changed;

    public SourceState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>Why the source is in its state, for the user (e.g. which privileged intent to enable). Never contains secrets.</summary>
    public string? Reason
    {
        get
        {
            lock (_gate)
            {
                return _reason;
            }
        }
    }

    /// <summary>Times the source lost its connection and set out to reconnect since start (the metrics' reconnect counter).</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>Counts one reconnect; the state change that goes with it is <see cref="Set"/>'s.</summary>
    public void RecordReconnect() => Interlocked.Increment(ref _reconnects);

    public void Set(SourceState state, string? reason = null)
    {
        lock (_gate)
        {
            if (_state == state && _reason == reason)
            {
                return;
            }

            _state = state;
            _reason = reason;
        }

        Changed?.Invoke();
    }
}
