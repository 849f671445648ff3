namespace DiscordAnalytics.Core.Clock;

/// <summary>
/// A clock that reads <c>startAt</c> when made and runs on at the real clock's pace from there (<see cref="ClockOptions.StartAt"/>).
/// Only the wall-clock reading is shifted: timers and elapsed-time stamps are the real clock's, so delays and timeouts
/// last what they say.
/// </summary>
public sealed class ShiftedClock(DateTimeOffset startAt, TimeProvider real) : TimeProvider
{
    private readonly TimeSpan _shift = startAt - real.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => real.LocalTimeZone;

    public override DateTimeOffset GetUtcNow() => real.GetUtcNow() + _shift;

    public override long GetTimestamp() => real.GetTimestamp();

    public override long TimestampFrequency => real.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        real.CreateTimer(callback, state, dueTime, period);
}
