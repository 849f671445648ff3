using DiscordAnalytics.Core.Loops.Alerts;
using Hangfire;

namespace DiscordAnalytics.Web.Jobs;

/// <summary>
/// Every 5 minutes: evaluates and posts the alerts of every guild that has them on (off by default). Running twice
/// posts nothing the first run did not; alerts Discord refused stay paused until the owner switches them on again.
/// </summary>
[DisableConcurrentExecution(timeoutInSeconds: 300)]
public sealed class AlertsJob(AlertRunner runner)
{
    /// <summary>Stable recurring job id.</summary>
    public const string Id = "alerts";

    public const string Cron = "*/5 * * * *";

    public Task RunAsync(CancellationToken cancellationToken) => runner.RunAllAsync(cancellationToken);
}
