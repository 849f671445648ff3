using DiscordAnalytics.Core;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.MemberDays;
using DiscordAnalytics.Core.Digests;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Discord.Rest;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Insights;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>
/// The real digest services over a test store: analytics queries, the offline generator, generation, posting
/// and schedules. With an emulator, posting goes through the real <see cref="DiscordRestClient"/> to it (live
/// mode); without one there is no REST client, exactly as in demo mode.
/// </summary>
public static class DigestServices
{
    public const string Token = "digest-test-token";

    public static IServiceCollection AddDigestServices(this IServiceCollection services, string connectionString, TimeProvider time, DiscordEmulator.DiscordEmulator? emulator)
    {
        var discord = Options.Create(new DiscordOptions { Token = emulator is null ? string.Empty : Token, ApiBaseUrl = emulator?.ApiBaseUrl ?? "http://127.0.0.1:9/api/v10" });
        services.AddDbContextFactory<AnalyticsDbContext>(o => o.UseSqlite(connectionString).AddInterceptors(new SqlitePragmas()));
        services.AddSingleton(time);
        services.AddSingleton<IOptions<DiscordOptions>>(discord);
        services.AddSingleton(new IngestionMode(IsDemo: emulator is null));
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddAnalyticsQueries();
        services.AddSingleton<IInsightGenerator, OfflineInsightGenerator>();
        if (emulator is not null)
        {
            services.AddSingleton(new DiscordRestClient(new HttpClient(), discord, TimeProvider.System, NullLogger<DiscordRestClient>.Instance, new DiscordRestOptions { ServerErrorBaseDelay = TimeSpan.FromMilliseconds(20), MaxAttempts = 3 }));
        }

        services.AddDigests();
        return services;
    }
}
