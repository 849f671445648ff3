using DiscordAnalytics.Core.Loops.ActivityRoles;
using Hangfire;

namespace DiscordAnalytics.Web.Jobs;

/// <summary>
/// Every 15 minutes: applies the role rules of every guild whose "act on Discord" switch is on (off by default). Running
/// twice changes nothing the first run did not; a rule Discord refused stays paused until the owner switches it on.
/// </summary>
[DisableConcurrentExecution(timeoutInSeconds: 900)]
public sealed class ActivityRolesJob(RoleRuleApplier applier)
{
    /// <summary>Stable recurring job id.</summary>
    public const string Id = "activity-roles";

    public const string Cron = "*/15 * * * *";

    public Task RunAsync(CancellationToken cancellationToken) => applier.ApplyAllAsync(cancellationToken);
}
