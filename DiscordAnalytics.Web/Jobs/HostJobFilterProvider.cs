using Hangfire.Common;

namespace DiscordAnalytics.Web.Jobs;

/// <summary>
/// The job filters of this host: Hangfire's own (attributes such as AutomaticRetry, and the global ones) plus
/// every <see cref="JobFilter"/> registered in this host's container. Hangfire's GlobalJobFilters is process-wide
/// static state, so a filter holding this host's services must not go there (tests run many hosts in one process).
/// The job server, the job client and the dashboard all take this provider from the container.
/// </summary>
public sealed class HostJobFilterProvider(IEnumerable<JobFilter> hostFilters) : IJobFilterProvider
{
    private readonly JobFilter[] _hostFilters = [.. hostFilters];

    public IEnumerable<JobFilter> GetFilters(Job job) => JobFilterProviders.Providers.GetFilters(job).Concat(_hostFilters);
}
