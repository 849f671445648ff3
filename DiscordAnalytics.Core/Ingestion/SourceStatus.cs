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
