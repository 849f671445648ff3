using Microsoft.Extensions.DependencyInjection;

namespace DiscordAnalytics.Core.Demo;

public static class DemoServiceCollectionExtensions
{
    /// <summary>
    /// Registers the demo community's hosted service. Call it only when demo mode is on
    /// (<see cref="DemoOptions.IsOn"/>). Expects <see cref="DemoOptions"/> bound, and <see cref="TimeProvider"/>,
    /// <c>IIngestionSink</c>, <c>ILastEventAtReader</c> and <c>SourceStatus</c> registered.
    /// </summary>
    public static IServiceCollection AddDemoCommunity(this IServiceCollection services)
    {
        services.AddHostedService<DemoCommunityService>();
        return services;
    }
}
