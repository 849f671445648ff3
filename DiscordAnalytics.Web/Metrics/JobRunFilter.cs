using Hangfire.Server;

namespace DiscordAnalytics.Web.Metrics;

/// <summary>
/// A Hangfire server filter that counts every job run by outcome: failed when the job threw (Hangfire then retries
/// or gives up on its own), succeeded otherwise. Registered in this host's container (HostJobFilterProvider), never
/// in Hangfire's process-wide global filters.
/// </summary>
public sealed class JobRunFilter(JobRuns runs) : IServerFilter
{
    public void OnPerforming(PerformingContext context)
    {
    }

    public void OnPerformed(PerformedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.BackgroundJob?.Job?.Type is { } type)
        {
            runs.Record(type, succeeded: context.Exception is null);
        }
    }
}
