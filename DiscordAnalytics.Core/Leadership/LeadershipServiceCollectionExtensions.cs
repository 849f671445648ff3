using DiscordAnalytics.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Core.Leadership;

public static class LeadershipServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="InstanceLeadership"/> (the sole leader on SQLite, contested on PostgreSQL) and its election. Register right
    /// after the store's initializer: the election's first try then precedes the services it gates, and it stops after them.
    /// </summary>
    public static IServiceCollection AddLeadership(this IServiceCollection services)
    {
        services.AddOptions<LeadershipOptions>().BindConfiguration(LeadershipOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.Kind == StoreProvider.Postgres
            ? InstanceLeadership.Contested()
            : InstanceLeadership.Sole());
        services.AddSingleton<PostgresLeaderElection>();
        services.AddHostedService(sp => sp.GetRequiredService<PostgresLeaderElection>());
        return services;
    }
}
