namespace DiscordAnalytics.Web.Hosting;

/// <summary>
/// Gives malloc's free pages back to the system every <see cref="Period"/> (<see cref="NativeHeap.Trim"/>): without it
/// the app's resident memory only grew, as native memory freed by SQLite and the runtime stayed mapped (with the
/// demo's three dashboards open, a trim took the anonymous memory from ~140 to ~108 MiB). A trim walks malloc's free
/// lists (a few tens of MiB here) on one thread, holding each arena's lock only while it walks that arena.
/// </summary>
public sealed class NativeHeapTrimmer(TimeProvider timeProvider) : BackgroundService
{
    /// <summary>Often enough that a burst (dashboards opening, a card's first load) is given back before the next one.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (!NativeHeap.Trim())
                {
                    // No glibc: nothing to trim, now or later.
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
