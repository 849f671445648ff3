using DiscordAnalytics.Core.Analytics;
using Hangfire;

namespace DiscordAnalytics.Web.Jobs;

/// <summary>
/// Every five minutes: store the keyword days that have no row (<see cref="KeywordDayFiller"/>): yesterday once the UTC
/// day has closed, a day whose messages changed (the writer dropped its row), every day after a member was hidden or
/// made visible, and a history import's days. Dashboard queries compute a missing day themselves without storing it,
/// so this only makes long windows fast again. With nothing missing a run is two small reads per guild; running
/// twice stores the same terms.
/// </summary>
[DisableConcurrentExecution(timeoutInSeconds: 600)]
public sealed class KeywordDaysJob(KeywordDayFiller filler)
{
    /// <summary>Stable recurring job id.</summary>
    public const string Id = "keyword-days";

    public const string Cron = "*/5 * * * *";

    public Task RunAsync(CancellationToken cancellationToken) => filler.FillAllAsync(cancellationToken);
}
