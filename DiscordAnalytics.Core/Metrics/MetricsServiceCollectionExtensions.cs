using Microsoft.Extensions.DependencyInjection;

namespace DiscordAnalytics.Core.Metrics;

public static class MetricsServiceCollectionExtensions
{
    /// <summary>
    /// The Core's instruments (<see cref="CoreInstruments"/>) and the cached store readings they need. Call only when
    /// metrics are on; the host provides the <see cref="System.Diagnostics.Metrics.IMeterFactory"/>, and an exporter must listen to <see cref="AnalyticsMeter.Name"/> and build <see cref="CoreInstruments"/>.
    /// </summary>
    public static IServiceCollection AddCoreInstruments(this IServiceCollection services)
    {
        services.AddSingleton<StoreReadingsCache>();
        services.AddSingleton<CoreInstruments>();
        return services;
    }
}
