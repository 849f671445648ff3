using System.ComponentModel.DataAnnotations;

namespace DiscordAnalytics.Web.Jobs;

/// <summary>The <c>Jobs</c> configuration section: Hangfire inside the web process.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>
    /// Hangfire's own SQLite file. Empty (default): <c>jobs.db</c> beside the analytics database, so the
    /// two never share locks and a damaged job store cannot take the analytics data with it.
    /// </summary>
    public string DatabasePath { get; set; } = string.Empty;

    /// <summary>
    /// Whether this process runs the Hangfire server (default true). Jobs can still be enqueued and
    /// scheduled without it; they run once a server runs. Tests that do not exercise jobs turn it off, so
    /// dozens of hosts in one test process do not compete for Hangfire.Storage.SQLite's process-wide
    /// queue lock.
    /// </summary>
    public bool RunServer { get; set; } = true;

    /// <summary>
    /// Workers of the one Hangfire server. Small on purpose: SQLite has one writer, and
    /// Hangfire.Storage.SQLite's distributed lock is racy (upstream issues raisedapp/Hangfire.Storage.SQLite #32, #51, #69), so jobs are idempotent anyway.
    /// </summary>
    [Range(1, 4)]
    public int WorkerCount { get; set; } = 1;

    /// <summary>How often idle workers look for new jobs. A started backfill should begin promptly.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
