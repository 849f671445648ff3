using DiscordAnalytics.Core.Backfill;
using Hangfire;

namespace DiscordAnalytics.Web.Jobs;

/// <summary>Hands backfill runs to Hangfire: they survive restarts in the job store and show on /hangfire.</summary>
public sealed class HangfireBackfillScheduler(IBackgroundJobClient jobs) : IBackfillScheduler
{
    public void Enqueue(long runId) => jobs.Enqueue<BackfillJob>(job => job.RunAsync(runId, CancellationToken.None));

    /// <summary>Its own method, so /hangfire lists a gap repair as one (same job class: same retries and failure handling).</summary>
    public void EnqueueGapRepair(long runId) => jobs.Enqueue<BackfillJob>(job => job.RepairGapAsync(runId, CancellationToken.None));
}
