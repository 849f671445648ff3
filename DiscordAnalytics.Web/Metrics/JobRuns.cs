using System.Collections.Concurrent;
using DiscordAnalytics.Web.Jobs;

namespace DiscordAnalytics.Web.Metrics;

/// <summary>Job runs since start, per job and outcome, as the job server saw them (<see cref="JobRunFilter"/> counts).</summary>
public sealed class JobRuns
{
    public const string Succeeded = "succeeded";

    public const string Failed = "failed";

    /// <summary>The jobs every scrape lists from the start, at 0 until they run, so a rate over them has a beginning.</summary>
    private static readonly Type[] KnownJobs = [typeof(RetentionJob), typeof(WeeklyDigestJob), typeof(PrivacyScrubJob), typeof(BackfillJob)];

    private readonly ConcurrentDictionary<(string Job, string Outcome), long> _runs = new();

    public JobRuns()
    {
        foreach (var job in KnownJobs)
        {
            _runs[(NameOf(job), Succeeded)] = 0;
            _runs[(NameOf(job), Failed)] = 0;
        }
    }

    /// <summary>The job's label: <c>retention</c>, <c>weekly_digests</c>, <c>privacy_scrub</c>, <c>backfill</c>, else the class name.</summary>
    public static string NameOf(Type jobType)
    {
        ArgumentNullException.ThrowIfNull(jobType);
        return jobType == typeof(RetentionJob) ? "retention"
            : jobType == typeof(WeeklyDigestJob) ? "weekly_digests"
            : jobType == typeof(PrivacyScrubJob) ? "privacy_scrub"
            : jobType == typeof(BackfillJob) ? "backfill"
            : jobType.Name;
    }

    public void Record(Type jobType, bool succeeded) =>
        _runs.AddOrUpdate((NameOf(jobType), succeeded ? Succeeded : Failed), 1, static (_, count) => count + 1);

    public IReadOnlyList<(string Job, string Outcome, long Runs)> Snapshot() =>
        [.. _runs.Select(r => (r.Key.Job, r.Key.Outcome, r.Value))];
}
