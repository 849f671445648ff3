using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Demo;

/// <summary>
/// A fake clock that says when the first timer is made on it: a test that moves the clock on before the code under test
/// has made its timer moves it past a timer that then starts later and never fires.
/// </summary>
internal sealed class TimerWatchingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly TaskCompletionSource _timerMade = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once a timer has been made on this clock.</summary>
    public Task TimerMade => _timerMade.Task;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timerMade.TrySetResult();
        return timer;
    }
}
