using Microsoft.Data.Sqlite;

namespace DiscordAnalytics.Web.Jobs;

/// <summary>Where Hangfire's SQLite file lives: configured, or <c>jobs.db</c> beside the analytics database.</summary>
public static class JobStoragePath
{
    public const string DefaultFileName = "jobs.db";

    public static string Resolve(JobsOptions jobs, string analyticsConnectionString)
    {
        if (!string.IsNullOrWhiteSpace(jobs.DatabasePath))
        {
            return Path.GetFullPath(jobs.DatabasePath);
        }

        var analyticsFile = new SqliteConnectionStringBuilder(analyticsConnectionString).DataSource;
        var folder = string.IsNullOrEmpty(analyticsFile) || analyticsFile == ":memory:"
            ? Directory.GetCurrentDirectory()
            : Path.GetDirectoryName(Path.GetFullPath(analyticsFile)) ?? Directory.GetCurrentDirectory();
        return Path.Combine(folder, DefaultFileName);
    }
}
