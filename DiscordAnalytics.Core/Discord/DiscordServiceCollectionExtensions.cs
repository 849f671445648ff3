using DiscordAnalytics.Core.Discord.Gateway;
using DiscordAnalytics.Core.Discord.Rest;
using DiscordAnalytics.Core.Ingestion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Core.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Discord client for live mode: REST client (own HttpClient), dispatch normalizer,
    /// gateway session and <see cref="DiscordGatewayService"/>. Expects <see cref="DiscordOptions"/> to be
    /// bound, a <see cref="TimeProvider"/> and an <see cref="IIngestionSink"/> to be registered.
    /// <see cref="SourceStatus"/>, <see cref="GatewaySessionOptions"/> and <see cref="DiscordRestOptions"/>
    /// are added when missing.
    /// </summary>
    public static IServiceCollection AddDiscordClient(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SourceStatus>();
        services.TryAddSingleton<GatewaySessionOptions>();
        services.TryAddSingleton<DiscordRestOptions>();
        services.TryAddSingleton<DiscordRestHealth>();
        services.TryAddSingleton(sp =>
        {
            var restOptions = sp.GetRequiredService<DiscordRestOptions>();
            return new DiscordRestClient(
                new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = restOptions.RequestTimeout },
                sp.GetRequiredService<IOptions<DiscordOptions>>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<DiscordRestClient>>(),
                restOptions,
                sp.GetRequiredService<DiscordRestHealth>());
        });
        services.TryAddSingleton<DispatchNormalizer>();
        services.TryAddSingleton<Invites.InviteTracker>();
        services.TryAddSingleton<Members.MemberListReader>();
        services.TryAddSingleton(sp => new GatewaySession(
            sp.GetRequiredService<IOptions<DiscordOptions>>(),
            sp.GetRequiredService<DiscordRestClient>(),
            sp.GetRequiredService<SourceStatus>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<GatewaySessionOptions>()));
        services.AddHostedService<DiscordGatewayService>();
        return services;
    }
}
