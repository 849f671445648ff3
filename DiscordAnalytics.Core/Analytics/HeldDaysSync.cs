using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// How every per-guild index of days (member days, channel days, voice days, join days) is brought up to the store before
/// a read: the asked days' stored versions in one range read (through the caller's context when it has one: a reload's
/// only statement), and only when some held day is missing or older, a load of those days by one reader per guild at a
/// time (a cold start with many cards open reads each day once), the versions read again under that reader's turn.
/// </summary>
internal static class HeldDaysSync
{
    /// <param name="storedVersions">The asked days' stored versions, read on the context it is given.</param>
    /// <param name="staleDays">The asked days missing from what is held or held at an older version, in order.</param>
    /// <param name="load">Reads the stale days it is given (never empty) on the context it is given, and installs them.</param>
    public static async Task SyncAsync(
        IDbContextFactory<AnalyticsDbContext> contexts,
        AnalyticsDbContext? callers,
        SemaphoreSlim loading,
        Func<AnalyticsDbContext, Task<Dictionary<int, long>>> storedVersions,
        Func<Dictionary<int, long>, List<int>> staleDays,
        Func<AnalyticsDbContext, List<int>, Task> load,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loading);
        ArgumentNullException.ThrowIfNull(staleDays);
        ArgumentNullException.ThrowIfNull(load);
        if (staleDays(await DayVersions.ReadAsync(contexts, callers, storedVersions, cancellationToken)).Count == 0)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await loading.WaitAsync(cancellationToken);
        try
        {
            var stale = staleDays(await storedVersions(db));
            if (stale.Count > 0)
            {
                await load(db, stale);
            }
        }
        finally
        {
            loading.Release();
        }
    }

    /// <summary>
    /// As <see cref="SyncAsync"/>, the stale days loaded as runs of consecutive days, each one range read (<paramref name="loadRun"/>:
    /// start, end excluded). Returns how many days were loaded (0: every asked day was current).
    /// </summary>
    public static async Task<int> SyncByRunsAsync(
        IDbContextFactory<AnalyticsDbContext> contexts,
        AnalyticsDbContext? callers,
        SemaphoreSlim loading,
        Func<AnalyticsDbContext, Task<Dictionary<int, long>>> storedVersions,
        Func<Dictionary<int, long>, List<int>> staleDays,
        Func<AnalyticsDbContext, int, int, Task> loadRun,
        CancellationToken cancellationToken)
    {
        var loaded = 0;
        await SyncAsync(
            contexts,
            callers,
            loading,
            storedVersions,
            staleDays,
            async (db, stale) =>
            {
                foreach (var (start, end) in DayVersions.Runs(stale))
                {
                    await loadRun(db, start, end);
                    loaded += end - start;
                }
            },
            cancellationToken);
        return loaded;
    }
}
