using DiscordAnalytics.Core.Backfill;
using Hangfire;

namespace DiscordAnalytics.Web.Jobs;

/// <summary>
/// The Hangfire job of one backfill run. Thin: Core's runner does the work and is idempotent and resumable
/// (checkpoints, event dedupe, one execution per run at a time), so a job handed out twice by the SQLite
/// storage does nothing the second time. Hangfire retries are off: a failed run says why on the settings page.
/// No [DisableConcurrentExecution]: its lock is per method, not per run, so a second guild's run would wait
/// for the first, time out and fail (leaving that run queued); the runner already keeps each run single.
/// </summary>
public sealed class BackfillJob(BackfillRunner runner)
{
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(long runId, CancellationToken cancellationToken) => runner.RunAsync(runId, cancellationToken);
}
