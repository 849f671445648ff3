using DiscordAnalytics.Core.Backfill;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DiscordAnalytics.Web.Jobs;

public static class BackfillJobsServiceCollectionExtensions
{
    /// <summary>Backfill runs execute as Hangfire jobs (<see cref="BackfillJob"/>) instead of Core's in-process worker.</summary>
    public static IServiceCollection AddBackfillJobs(this IServiceCollection services)
    {
        services.AddTransient<BackfillJob>();
        services.Replace(ServiceDescriptor.Singleton<IBackfillScheduler, HangfireBackfillScheduler>());
        return services;
    }
}
