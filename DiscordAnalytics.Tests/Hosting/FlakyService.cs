using DiscordAnalytics.Core.Hosting;
using Microsoft.Extensions.Logging;

namespace DiscordAnalytics.Tests.Hosting;

/// <summary>A resilient service whose work throws <c>failuresBeforeSuccess</c> times, then returns; it records when each attempt started and what it reported.</summary>
public sealed class FlakyService(int failuresBeforeSuccess, TimeProvider time, ILogger logger) : ResilientBackgroundService(time, logger)
{
    private readonly TimeProvider _time = time;
    private readonly Lock _gate = new();
    private readonly List<DateTimeOffset> _attempts = [];
    private readonly List<TimeSpan> _reportedWaits = [];

    public IReadOnlyList<DateTimeOffset> Attempts
    {
        get
        {
            lock (_gate)
            {
                return _attempts.ToList();
            }
        }
    }

    public IReadOnlyList<TimeSpan> ReportedWaits
    {
        get
        {
            lock (_gate)
            {
                return _reportedWaits.ToList();
            }
        }
    }

    /// <summary>When set, the work waits on the stopping token instead of returning after the failures.</summary>
    public bool RunsUntilStopped { get; init; }

    protected override async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        int attempt;
        lock (_gate)
        {
            _attempts.Add(_time.GetUtcNow());
            attempt = _attempts.Count;
        }

        if (attempt <= failuresBeforeSuccess)
        {
            throw new InvalidOperationException($"attempt {attempt} fails");
        }

        if (RunsUntilStopped)
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
    }

    protected override void OnFailed(Exception exception, TimeSpan retryIn)
    {
        lock (_gate)
        {
            _reportedWaits.Add(retryIn);
        }
    }
}
