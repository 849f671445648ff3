namespace DiscordAnalytics.Core.Discord.Rest;

/// <summary>
/// What the owner needs to know about Discord's REST API (channel names, backfill and digest posting use it),
/// kept by <see cref="DiscordRestClient"/> and shown by /healthz and the status chip. The gateway can be connected
/// while REST is not answering, so this is apart from the source state. A problem is a short fixed sentence,
/// never exception text.
/// </summary>
public sealed class DiscordRestHealth
{
    private readonly Lock _gate = new();
    private DiscordRestState _state = DiscordRestState.Unknown;
    private string? _problem;

    /// <summary>Raised after every change; handlers must be cheap and must not throw.</summary>
    public event Action? Changed;

    public DiscordRestState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>What is wrong, for the owner (e.g. "Discord REST not answering"); null while answering or unknown.</summary>
    public string? Problem
    {
        get
        {
            lock (_gate)
            {
                return _problem;
            }
        }
    }

    /// <summary>The state as /healthz names it: <c>unknown</c>, <c>answering</c>, <c>not-answering</c>, <c>unreachable</c>, <c>failing</c>, <c>rate-limited</c>, <c>rejected</c>.</summary>
    public string StateName => State switch
    {
        DiscordRestState.Answering => "answering",
        DiscordRestState.NotAnswering => "not-answering",
        DiscordRestState.Unreachable => "unreachable",
        DiscordRestState.Failing => "failing",
        DiscordRestState.RateLimited => "rate-limited",
        DiscordRestState.Rejected => "rejected",
        _ => "unknown",
    };

    public void Set(DiscordRestState state, string? problem = null)
    {
        lock (_gate)
        {
            if (_state == state && _problem == problem)
            {
                return;
            }

            _state = state;
            _problem = problem;
        }

        Changed?.Invoke();
    }
}
