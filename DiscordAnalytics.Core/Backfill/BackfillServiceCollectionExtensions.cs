using DiscordAnalytics.Core.Backfill.GapRepair;
using DiscordAnalytics.Core.Discord;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DiscordAnalytics.Core.Backfill;

public static class BackfillServiceCollectionExtensions
{
    /// <summary>
    /// History backfill: options, the history source of the mode (demo community, or REST with a token; none
    /// otherwise), runner, service, progress notifier, gap repair (told of fresh gateway sessions), and an in-process scheduler (a job server replaces
    /// <see cref="IBackfillScheduler"/> with its own). Runs interrupted by a stop resume at start.
    /// </summary>
    public static IServiceCollection AddBackfill(this IServiceCollection services, bool isDemo, bool hasToken)
    {
        services.AddOptions<BackfillOptions>().BindConfiguration(BackfillOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        if (isDemo)
        {
            services.AddSingleton<IHistorySource, DemoHistorySource>();
        }
        else if (hasToken)
        {
            services.AddSingleton<IHistorySource, RestHistorySource>();
        }

        services.TryAddSingleton<Discord.DispatchNormalizer>();
        services.TryAddSingleton<BackfillRegistry>();
        services.TryAddSingleton<BackfillNotifier>();
        services.TryAddSingleton<BackfillRunner>();
        services.TryAddSingleton<BackfillService>();
        services.TryAddSingleton<BackfillFailureRecorder>();
        services.TryAddSingleton<GapRepairRuns>();
        services.TryAddSingleton<GapRepairService>();
        services.AddSingleton<IFreshSessionObserver>(sp => sp.GetRequiredService<GapRepairService>());
        // Before the resumer and any job server: it reads the last stored events before this process ingests.
        services.AddHostedService(sp => sp.GetRequiredService<GapRepairService>());
        services.AddSingleton<InProcessBackfillScheduler>();
        services.TryAddSingleton<IBackfillScheduler>(sp => sp.GetRequiredService<InProcessBackfillScheduler>());
        services.AddHostedService(sp => sp.GetRequiredService<InProcessBackfillScheduler>());

        services.AddHostedService<BackfillResumer>();
        return services;
    }
}
