namespace DiscordAnalytics.Web.Jobs;

public static class AlertsJobRegistration
{
    /// <summary>Declares <see cref="AlertsJob"/> as a recurring job (registered at start-up by <see cref="RecurringJobRegistrar"/>).</summary>
    public static IServiceCollection AddAlertsJob(this IServiceCollection services)
    {
        services.AddTransient<AlertsJob>();
        services.AddSingleton<IRecurringJobDefinition>(new RecurringJobDefinition<AlertsJob>(
            AlertsJob.Id, AlertsJob.Cron, job => job.RunAsync(CancellationToken.None)));
        return services;
    }
}
