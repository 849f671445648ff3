using Microsoft.Extensions.DependencyInjection;

namespace DiscordAnalytics.Core.Retention;

public static class RetentionServiceCollectionExtensions
{
    /// <summary>Raw-event pruning, the per-guild setting and the status the Settings page shows. The schedule lives in the web host's jobs.</summary>
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RawEventPruner>();
        services.AddSingleton<RetentionService>();
        services.AddSingleton<RetentionStatusQuery>();
        services.AddSingleton<GuildRetentionSettings>();
        return services;
    }
}
