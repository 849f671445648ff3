using Microsoft.Extensions.DependencyInjection;

namespace DiscordAnalytics.Core.Digests;

public static class DigestServiceCollectionExtensions
{
    /// <summary>Weekly digests: generation, posting (needs the Discord REST client, absent in demo mode) and schedules.</summary>
    public static IServiceCollection AddDigests(this IServiceCollection services)
    {
        services.AddSingleton<DigestService>();
        services.AddSingleton<DigestPoster>();
        services.AddSingleton<DigestScheduler>();
        return services;
    }
}
