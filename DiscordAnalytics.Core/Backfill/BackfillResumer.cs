using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Leadership;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DiscordAnalytics.Core.Backfill;

/// <summary>
/// At start, hands every run that was queued or running when the process stopped (a kill included) back to
/// the scheduler: it continues from its checkpoints. Harmless when the job server also re-runs its job.
/// Only the leader of a shared store resumes (a standby would run the leader's runs a second time), and it does so
/// again at each later term: a leader that stopped left its runs running, and the job server that held them is gone.
/// </summary>
public sealed partial class BackfillResumer(
    IDbContextFactory<AnalyticsDbContext> contexts,
    IBackfillScheduler scheduler,
    ILogger<BackfillResumer> logger,
    Leadership.InstanceLeadership? leadership = null) : IHostedService, IDisposable
{
    private readonly Leadership.InstanceLeadership _leadership = leadership ?? Leadership.InstanceLeadership.Sole();
    private readonly CancellationTokenSource _stopping = new();
    private Task? _laterTerms;
    private bool _disposed;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        CancellationToken? resumedIn = null;
        if (_leadership.Role == InstanceRole.Leader)
        {
            // At start, before the job server (hosted services start in order), as on a single instance.
            resumedIn = await _leadership.WaitForTermAsync(cancellationToken).ConfigureAwait(false);
            await ResumeAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_leadership.IsContested)
        {
            _laterTerms = Task.Run(() => ResumeAtLaterTermsAsync(resumedIn, _stopping.Token), CancellationToken.None);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A test host may stop its services again after disposing them.
        if (_disposed)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_laterTerms is { } laterTerms)
        {
            // Every wait of the loop observes the stop; should the host's stop time out first, it says so, not this.
            await Task.WhenAny(laterTerms, Task.Delay(Timeout.Infinite, cancellationToken)).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _stopping.Dispose();
    }

    private async Task ResumeAtLaterTermsAsync(CancellationToken? resumedIn, CancellationToken stopping)
    {
        try
        {
            while (true)
            {
                var term = await _leadership.WaitForTermAsync(stopping).ConfigureAwait(false);
                if (term != resumedIn)
                {
                    resumedIn = term;
                    await ResumeAsync(stopping).ConfigureAwait(false);
                }

                var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                await using (term.Register(() => ended.TrySetResult()))
                {
                    await ended.Task.WaitAsync(stopping).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task ResumeAsync(CancellationToken cancellationToken)
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Backfill run {RunId} of guild {GuildId} resumes from its checkpoints")]
    private static partial void LogResuming(ILogger logger, long runId, long guildId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backfill runs cannot be read; none resumed")]
    private static partial void LogStoreUnreadable(ILogger logger, Exception exception);
}
