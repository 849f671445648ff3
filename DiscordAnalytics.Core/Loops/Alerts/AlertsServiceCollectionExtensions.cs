using DiscordAnalytics.Core.Demo;
using DiscordAnalytics.Core.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;

namespace DiscordAnalytics.Core.Loops.Alerts;

public static class AlertsServiceCollectionExtensions
{
    /// <summary>
    /// Alert settings, evaluation, preview, the runner and the history. Alerts are posted through Discord's REST client
    /// in live mode (<paramref name="hasDiscord"/>), simulated in the demo community in demo mode, and nowhere without either.
    /// </summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services, bool isDemo, bool hasDiscord)
    {
        services.AddSingleton<AlertSettingsStore>();
        services.AddSingleton<AlertEvaluator>();
        services.AddSingleton<AlertPreviewer>();
        services.AddSingleton<AlertHistoryLog>();
        if (isDemo)
        {
            services.AddSingleton<DemoAlertPoster>();
            services.AddSingleton<IAlertPoster>(sp => sp.GetRequiredService<DemoAlertPoster>());
            services.AddHostedService<DemoAlerts>();
        }
        else if (hasDiscord)
        {
            services.AddSingleton<IAlertPoster>(sp => new DiscordAlertPoster(sp.GetRequiredService<DiscordRestClient>()));
        }

        services.AddSingleton<AlertRunner>();
        return services;
    }
}
