using DiscordAnalytics.Core.Retention;

namespace DiscordAnalytics.Web.Jobs;

/// <summary>The daily retention pass (recurring job <see cref="RecurringId"/>). Safe to run twice: pruning is idempotent.</summary>
public sealed class RetentionJob(RetentionService retention)
{
    public const string RecurringId = "retention";

    /// <summary>03:30 UTC, a quiet hour for most communities.</summary>
    public const string Schedule = "30 3 * * *";

    public Task RunAsync(CancellationToken cancellationToken) => retention.RunAsync(cancellationToken);
}
