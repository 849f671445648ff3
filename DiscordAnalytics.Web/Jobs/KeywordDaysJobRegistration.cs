namespace DiscordAnalytics.Web.Jobs;

public static class KeywordDaysJobRegistration
{
    /// <summary>Declares <see cref="KeywordDaysJob"/> as a recurring job (registered at start-up by <see cref="RecurringJobRegistrar"/>).</summary>
    public static IServiceCollection AddKeywordDaysJob(this IServiceCollection services)
    {
        services.AddTransient<KeywordDaysJob>();
        services.AddSingleton<IRecurringJobDefinition>(new RecurringJobDefinition<KeywordDaysJob>(
            KeywordDaysJob.Id, KeywordDaysJob.Cron, job => job.RunAsync(CancellationToken.None)));
        return services;
    }
}
