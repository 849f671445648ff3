using DiscordAnalytics.Core.Digests;
using Hangfire;

namespace DiscordAnalytics.Web.Jobs;

/// <summary>
/// Every five minutes: let <see cref="DigestScheduler"/> run the weekly digests that are due. The schedule
/// itself (day, hour, time zone per guild) lives in the store, so this one recurring job serves every guild
/// and a digest goes out within five minutes of its hour, also in half-hour time zones. Running twice is
/// harmless: the scheduler claims each occurrence with a conditional update.
/// </summary>
[DisableConcurrentExecution(timeoutInSeconds: 600)]
public sealed class WeeklyDigestJob(DigestScheduler scheduler)
{
    /// <summary>Stable recurring job id.</summary>
    public const string Id = "weekly-digests";

    public const string Cron = "*/5 * * * *";

    public Task RunAsync(CancellationToken cancellationToken) => scheduler.RunDueAsync(cancellationToken);
}
