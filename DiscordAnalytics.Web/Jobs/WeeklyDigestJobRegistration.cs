namespace DiscordAnalytics.Web.Jobs;

public static class WeeklyDigestJobRegistration
{
    /// <summary>Declares <see cref="WeeklyDigestJob"/> as a recurring job (registered at start-up by <see cref="RecurringJobRegistrar"/>).</summary>
    public static IServiceCollection AddWeeklyDigestJob(this IServiceCollection services)
    {
        services.AddTransient<WeeklyDigestJob>();
        services.AddSingleton<IRecurringJobDefinition>(new RecurringJobDefinition<WeeklyDigestJob>(
            WeeklyDigestJob.Id, WeeklyDigestJob.Cron, job => job.RunAsync(CancellationToken.None)));
        return services;
    }
}
