using DiscordAnalytics.Core.Backfill;
using Hangfire.Common;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DiscordAnalytics.Web.Jobs;

public static class BackfillJobsServiceCollectionExtensions
{
    /// <summary>
    /// Backfill runs execute as Hangfire jobs (<see cref="BackfillJob"/>) instead of Core's in-process worker; a job
    /// Hangfire fails or deletes fails its run (<see cref="BackfillJobStateFilter"/>, a filter of this host only).
    /// </summary>
    public static IServiceCollection AddBackfillJobs(this IServiceCollection services)
    {
        services.AddTransient<BackfillJob>();
        services.AddSingleton<BackfillJobStateFilter>();
        services.AddSingleton(sp => new JobFilter(sp.GetRequiredService<BackfillJobStateFilter>(), JobFilterScope.Global, order: null));
        services.Replace(ServiceDescriptor.Singleton<IBackfillScheduler, HangfireBackfillScheduler>());
        return services;
    }
}
