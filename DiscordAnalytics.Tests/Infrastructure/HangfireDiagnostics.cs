using System.Text;
using Hangfire;

namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>What a host's job store says, for the message of a test that waited on a job in vain.</summary>
public static class HangfireDiagnostics
{
    public static string Describe(JobStorage storage)
    {
        var monitoring = storage.GetMonitoringApi();
        var text = new StringBuilder();
        var stats = monitoring.GetStatistics();
        text.Append($"servers={stats.Servers} enqueued={stats.Enqueued} scheduled={stats.Scheduled} processing={stats.Processing} succeeded={stats.Succeeded} failed={stats.Failed} retries={stats.Retries}");
        foreach (var server in monitoring.Servers())
        {
            text.Append($"; server {server.Name} workers={server.WorkersCount} started={server.StartedAt:O} heartbeat={server.Heartbeat:O}");
        }

        foreach (var queue in monitoring.Queues())
        {
            text.Append($"; queue {queue.Name} length={queue.Length} fetched={queue.Fetched}");
        }

        foreach (var (id, failed) in monitoring.FailedJobs(0, 5))
        {
            text.Append($"; failed {id}: {failed.ExceptionType}: {failed.ExceptionMessage} {failed.ExceptionDetails?[..Math.Min(failed.ExceptionDetails.Length, 1500)]}");
        }

        foreach (var (id, scheduled) in monitoring.ScheduledJobs(0, 5))
        {
            text.Append($"; scheduled {id} at {scheduled.EnqueueAt:O}");
        }

        foreach (var (id, processing) in monitoring.ProcessingJobs(0, 5))
        {
            text.Append($"; processing {id} on {processing.ServerId} since {processing.StartedAt:O}");
        }

        return text.ToString();
    }
}
