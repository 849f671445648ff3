namespace DiscordAnalytics.Web.Jobs;

public static class PrivacyScrubJobRegistration
{
    /// <summary>Declares <see cref="PrivacyScrubJob"/> as a recurring job (registered at start-up by <see cref="RecurringJobRegistrar"/>).</summary>
    public static IServiceCollection AddPrivacyScrubJob(this IServiceCollection services)
    {
        services.AddTransient<PrivacyScrubJob>();
        services.AddSingleton<IRecurringJobDefinition>(new RecurringJobDefinition<PrivacyScrubJob>(
            PrivacyScrubJob.Id, PrivacyScrubJob.Cron, job => job.RunAsync(CancellationToken.None)));
        return services;
    }
}
