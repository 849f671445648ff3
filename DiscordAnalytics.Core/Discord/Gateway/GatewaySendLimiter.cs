namespace DiscordAnalytics.Core.Discord.Gateway;

/// <summary>
/// Sliding-window limit for outbound gateway events: at most <see cref="Limit"/> sends per
/// <see cref="Window"/> per connection (Discord disconnects at 120 per 60 s). Waits instead of failing.
/// </summary>
public sealed class GatewaySendLimiter
{
    private readonly TimeProvider _timeProvider;
    private readonly Queue<long> _sentAt = new();
    private readonly SemaphoreSlim _gate = new(1, 1);

    public GatewaySendLimiter(TimeProvider timeProvider, int limit = 120, TimeSpan? window = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        _timeProvider = timeProvider;
        Limit = limit;
        Window = window ?? TimeSpan.FromSeconds(60);
    }

    public int Limit { get; }

    public TimeSpan Window { get; }

    /// <summary>Waits until one more send fits in the window, then counts it.</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var now = _timeProvider.GetTimestamp();
                while (_sentAt.Count > 0 && _timeProvider.GetElapsedTime(_sentAt.Peek(), now) >= Window)
                {
                    _sentAt.Dequeue();
                }

                if (_sentAt.Count < Limit)
                {
                    _sentAt.Enqueue(now);
                    return;
                }

                var wait = Window - _timeProvider.GetElapsedTime(_sentAt.Peek(), now);
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), _timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
