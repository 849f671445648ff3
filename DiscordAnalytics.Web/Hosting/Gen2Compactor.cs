namespace DiscordAnalytics.Web.Hosting;

/// <summary>
/// Compacts the managed heap when what the GC keeps committed has outgrown what was live after its last full
/// collection by a quarter plus <see cref="SlackBytes"/> (<see cref="ShouldCompact"/>), checked every
/// <see cref="Period"/>. The workstation GC collects gen2 only once its budget is spent, which with a dashboard's
/// trickle of promotions took many minutes: meanwhile the dead objects promoted there stayed resident (bench memory:
/// gen2 at 50 MB with 38 MB live, docs/performance.md "Memory"). A compacting collection gives the free regions back;
/// it pauses the app for a full collection (tens of ms on the demo), at most once per <see cref="Period"/> and only
/// after that much has died.
/// </summary>
public sealed class Gen2Compactor(TimeProvider timeProvider) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(30);

    /// <summary>Room for the gen0 and gen1 budgets (a few MiB each, see the web project's GC settings) and some garbage.</summary>
    public const long SlackBytes = 8 * 1024 * 1024;

    /// <summary>True when <paramref name="committedBytes"/> exceeds 1.25 times <paramref name="liveAfterFullBytes"/> plus <see cref="SlackBytes"/>.</summary>
    public static bool ShouldCompact(long committedBytes, long liveAfterFullBytes) =>
        committedBytes > liveAfterFullBytes + liveAfterFullBytes / 4 + SlackBytes;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (ShouldCompact(GC.GetGCMemoryInfo(GCKind.Any).TotalCommittedBytes, LiveAfterLastFullCollection()))
                {
                    GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>What survived the latest full collection, blocking or background (0 before the first: compact once).</summary>
    private static long LiveAfterLastFullCollection()
    {
        var blocking = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        var background = GC.GetGCMemoryInfo(GCKind.Background);
        return (blocking.Index >= background.Index ? blocking : background).PromotedBytes;
    }
}
