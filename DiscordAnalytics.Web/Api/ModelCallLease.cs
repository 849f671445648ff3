namespace DiscordAnalytics.Web.Api;

/// <summary>The right to run one model-calling request for a guild; disposing it lets the next one in.</summary>
public sealed class ModelCallLease : IDisposable
{
    private readonly ModelCallGate _gate;
    private readonly ulong _guildId;
    private int _released;

    internal ModelCallLease(ModelCallGate gate, ulong guildId)
    {
        _gate = gate;
        _guildId = guildId;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _gate.Release(_guildId);
        }
    }
}
