using DiscordAnalytics.Core.Backfill;
using Hangfire;

namespace DiscordAnalytics.Web.Jobs;

/// <summary>Hands backfill runs to Hangfire: they survive restarts in the job store and show on /hangfire.</summary>
public sealed class HangfireBackfillScheduler(IBackgroundJobClient jobs) : IBackfillScheduler
{
    public void Enqueue(long runId) => jobs.Enqueue<BackfillJob>(job => job.RunAsync(runId, CancellationToken.None));
}
