namespace DiscordAnalytics.Web.Jobs;

public static class ActivityRolesJobRegistration
{
    /// <summary>Declares <see cref="ActivityRolesJob"/> as a recurring job (registered at start-up by <see cref="RecurringJobRegistrar"/>).</summary>
    public static IServiceCollection AddActivityRolesJob(this IServiceCollection services)
    {
        services.AddTransient<ActivityRolesJob>();
        services.AddSingleton<IRecurringJobDefinition>(new RecurringJobDefinition<ActivityRolesJob>(
            ActivityRolesJob.Id, ActivityRolesJob.Cron, job => job.RunAsync(CancellationToken.None)));
        return services;
    }
}
