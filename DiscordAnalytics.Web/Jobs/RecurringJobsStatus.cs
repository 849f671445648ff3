namespace DiscordAnalytics.Web.Jobs;

/// <summary>
/// Which recurring jobs are not yet written into the job store (its server could not be reached at start), for /healthz.
/// <see cref="RecurringJobRegistrar"/> keeps it; empty once every job is written.
/// </summary>
public sealed class RecurringJobsStatus
{
    private volatile IReadOnlyList<string> _pending = [];

    /// <summary>The ids of the jobs still waiting for the job store, in declaration order.</summary>
    public IReadOnlyList<string> Pending => _pending;

    public void SetPending(IEnumerable<string> ids) => _pending = [.. ids];
}
