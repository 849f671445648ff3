namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>
/// A clock whose wall time the test sets (<see cref="Now"/>) while timers, delays and timestamps stay real: for code
/// that stamps what it receives with the time but also waits (a gateway session's reconnect delays must still elapse).
/// </summary>
public sealed class SettableWallClock(DateTimeOffset now) : TimeProvider
{
    private long _ticks = now.UtcTicks;

    public DateTimeOffset Now
    {
        get => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref _ticks, value.UtcTicks);
    }

    public override DateTimeOffset GetUtcNow() => Now;
}
