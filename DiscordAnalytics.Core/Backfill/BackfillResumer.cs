using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DiscordAnalytics.Core.Backfill;

/// <summary>
/// At start, hands every run that was queued or running when the process stopped (a kill included) back to
/// the scheduler: it continues from its checkpoints. Harmless when the job server also re-runs its job.
/// </summary>
public sealed partial class BackfillResumer(
    IDbContextFactory<AnalyticsDbContext> contexts,
    IBackfillScheduler scheduler,
    ILogger<BackfillResumer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var runs = await db.BackfillRuns
                .Where(r => r.State == BackfillState.Queued || r.State == BackfillState.Running)
                .OrderBy(r => r.RunId)
                .Select(r => new { r.RunId, r.GuildId, r.Kind })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var run in runs)
            {
                LogResuming(logger, run.RunId, run.GuildId);
                if (run.Kind == BackfillRunKind.GapRepair)
                {
                    scheduler.EnqueueGapRepair(run.RunId);
                }
                else
                {
                    scheduler.Enqueue(run.RunId);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A damaged store is reported by /healthz; backfill just does not resume, and the host starts anyway.
            LogStoreUnreadable(logger, ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Backfill run {RunId} of guild {GuildId} resumes from its checkpoints")]
    private static partial void LogResuming(ILogger logger, long runId, long guildId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backfill runs cannot be read; none resumed")]
    private static partial void LogStoreUnreadable(ILogger logger, Exception exception);
}
