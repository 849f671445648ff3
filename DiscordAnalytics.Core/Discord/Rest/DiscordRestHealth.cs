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
    private long _rateLimited;

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
    public string StateName => NameOf(State);

    /// <summary>The name /healthz and the metrics give <paramref name="state"/>.</summary>
    public static string NameOf(DiscordRestState state) => state switch
    {
        DiscordRestState.Answering => "answering",
        DiscordRestState.NotAnswering => "not-answering",
        DiscordRestState.Unreachable => "unreachable",
        DiscordRestState.Failing => "failing",
        DiscordRestState.RateLimited => "rate-limited",
        DiscordRestState.Rejected => "rejected",
        _ => "unknown",
    };

    /// <summary>429 answers received since start, per-route and global alike (the metrics' rate-limit counter).</summary>
    public long RateLimitedResponses => Interlocked.Read(ref _rateLimited);

    /// <summary>Counts one 429 answer, whether or not it changes <see cref="State"/> (a short wait is retried and stays "answering").</summary>
    public void RecordRateLimited() => Interlocked.Increment(ref _rateLimited);

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
