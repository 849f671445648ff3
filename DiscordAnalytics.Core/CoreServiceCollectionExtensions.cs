using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.ChannelDays;
using DiscordAnalytics.Core.Analytics.Cohorts;
using DiscordAnalytics.Core.Analytics.Engagement;
using DiscordAnalytics.Core.Analytics.TrendingTopics;
using DiscordAnalytics.Core.Analytics.MemberDays;
using DiscordAnalytics.Core.Analytics.Roles;
using DiscordAnalytics.Core.Analytics.Voice;
using DiscordAnalytics.Core.Backfill;
using DiscordAnalytics.Core.Demo;
using DiscordAnalytics.Core.Digests;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Discord.Rest;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Ingestion.Writing.Support;
using DiscordAnalytics.Core.Insights;
using DiscordAnalytics.Core.Leadership;
using DiscordAnalytics.Core.Loops.ActivityRoles;
using DiscordAnalytics.Core.Loops.Alerts;
using DiscordAnalytics.Core.Loops.SlashCommands;
using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Core.Retention;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.ChannelDays;
using DiscordAnalytics.Core.Storage.MemberDays;
using DiscordAnalytics.Core.WarmUp;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// Store, ingestion pipeline, analytics queries and the event source (demo community without a token,
    /// the Discord gateway with one). Hosted services start in order: store, ingestion, source.
    /// </summary>
    public static IHostApplicationBuilder AddDiscordAnalyticsCore(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DiscordOptions>().BindConfiguration(DiscordOptions.Section)
            .Validate(o => o.HasValidApiBaseUrl, "Discord:ApiBaseUrl must be an absolute http(s) URL, e.g. https://discord.com/api/v10.")
            .Validate(o => o.HasValidGatewayUrl, "Discord:GatewayUrl must be an absolute ws(s) URL, e.g. wss://gateway.discord.gg.")
            .Validate(o => o.HasKnownPrivilegedIntents, "Discord:PrivilegedIntents must list GuildMembers and/or MessageContent (comma separated), or be empty.")
            .ValidateOnStart();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.HasApplicableDataDirectory, StorageOptions.DataDirectoryWithPostgresError)
            .Validate(o => o.HasValidConnectionString, StorageOptions.PostgresConnectionStringError)
            .ValidateOnStart();
        services.AddOptions<Discord.Invites.InvitesOptions>().BindConfiguration(Discord.Invites.InvitesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Analytics.SupportOptions>().BindConfiguration(Analytics.SupportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section)
            .Validate(o => o.HasValidEnabled, "Demo:Enabled must be auto, true or false.")
            .Validate(o => o.HasValidHistoryDays, $"Demo:HistoryDays must be a whole number from 0 to {DemoOptions.MaxHistoryDays}.")
            .Validate(o => o.HasValidLiveEventsPerSecond, "Demo:LiveEventsPerSecond must be a number from 0 (no live events) to 10000.")
            .ValidateOnStart();
        services.AddOptions<Clock.ClockOptions>().BindConfiguration(Clock.ClockOptions.Section)
            .Validate<IOptions<DiscordOptions>>((o, discord) => o.StartAt is null || !discord.Value.HasToken, Clock.ClockOptions.WithTokenError)
            .ValidateOnStart();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<Clock.ClockOptions>>().Value.StartAt is { } startAt
            ? new Clock.ShiftedClock(startAt, TimeProvider.System)
            : TimeProvider.System);

        // Pooled: a card makes a few contexts per call, and a new one builds its internal services each time (a tenth of a
        // warm reload went there); a pooled context is reset when it is returned.
        services.AddPooledDbContextFactory<AnalyticsDbContext>((sp, options) =>
            AnalyticsDbContext.WithReplacedServices(options.UseStore(sp.GetRequiredService<IOptions<StorageOptions>>().Value)));
        services.AddSingleton<StoreHealth>();
        services.AddSingleton<IMigrationFollowUp, SupportFactsFill>();
        services.AddSingleton<IMigrationFollowUp, Ingestion.Writing.EmojiDaysFill>();
        services.AddHostedService<StoreInitializer>();
        // Right after the store: which instance of a shared store runs the gateway, the writer and the jobs.
        services.AddLeadership();

        var isDemo = IsDemo(builder.Configuration);
        services.AddSingleton(new IngestionMode(isDemo));
        services.AddSingleton<IngestionNotifier>();
        services.AddSingleton<IngestionPipeline>();
        services.AddSingleton<IIngestionSink>(sp => sp.GetRequiredService<IngestionPipeline>());
        services.AddSingleton<IIngestionFlusher>(sp => sp.GetRequiredService<IngestionPipeline>());
        services.AddSingleton<IIngestionStatus>(sp => sp.GetRequiredService<IngestionPipeline>());
        services.AddHostedService(sp => sp.GetRequiredService<IngestionPipeline>());
        services.AddSingleton<ILastEventAtReader, LastEventAtReader>();
        services.AddHostedService<VoiceCheckpoints>();
        // After the writer has started (hosted services start in order): the dashboard's standard windows and the widest
        // window's member days, read ahead in the background, off the request path.
        services.AddSingleton(DashboardCalls.From);
        services.AddSingleton<KeptWindowsWarmUp>();
        if (WarmUpOptions.RunsAtStart(builder.Configuration))
        {
            services.AddHostedService(sp => sp.GetRequiredService<KeptWindowsWarmUp>());
        }

        services.AddSingleton<IRetentionRunListener>(sp => sp.GetRequiredService<KeptWindowsWarmUp>());
        services.AddSingleton<Ingestion.DeadLetters.DeadLetterService>();

        services.AddAnalyticsQueries();
        services.AddSingleton<HelpChannelSettings>();
        services.AddSingleton<EscalationRoleSettings>();
        services.AddRetention();
        services.AddMemberPrivacy();
        services.AddInsights();
        services.AddDigests();

        if (isDemo)
        {
            services.AddDemoCommunity();
        }
        else if (HasToken(builder.Configuration))
        {
            services.AddDiscordClient();
        }
        else
        {
            // Demo forced off and no token: nothing feeds the store; say so where the owner looks.
            var idle = new SourceStatus();
            idle.Set(SourceState.Down, "No source: Demo:Enabled is false and no Discord:Token is configured.");
            services.AddSingleton(idle);
        }

        services.TryAddSingleton<SourceStatus>();
        services.TryAddSingleton<DiscordRestHealth>();
        services.AddBackfill(isDemo, HasToken(builder.Configuration));
        services.AddActivityRoles(isDemo, HasToken(builder.Configuration));
        services.AddAlerts(isDemo, HasToken(builder.Configuration));
        services.AddSlashCommands(isDemo, HasToken(builder.Configuration));
        return builder;
    }

    private static bool HasToken(IConfiguration configuration) =>
        (configuration.GetSection(DiscordOptions.Section).Get<DiscordOptions>() ?? new DiscordOptions()).HasToken;

    /// <summary>
    /// The card and summary queries and what they read besides the store: the member days in memory (which the
    /// ingestion writer tells each commit), the keyword day filler and the guild time zone. Needs the store's context
    /// factory, <see cref="IngestionMode"/>, a <see cref="TimeProvider"/> and logging.
    /// </summary>
    public static IServiceCollection AddAnalyticsQueries(this IServiceCollection services)
    {
        services.AddSingleton<GuildsQuery>();
        services.AddSingleton<MemberDayIndex>();
        services.AddSingleton<Analytics.Voice.VoiceDayIndex>();
        // The voice days are kept by the member-day version: both take the member days' commits.
        services.AddSingleton<IMemberDayListener>(sp => new MemberDayListeners(sp.GetRequiredService<MemberDayIndex>(), sp.GetRequiredService<Analytics.Voice.VoiceDayIndex>()));
        services.AddSingleton<ChannelDayIndex>();
        services.AddSingleton<IChannelDayListener>(sp => sp.GetRequiredService<ChannelDayIndex>());
        services.AddSingleton<Analytics.SupportItems.SupportItemIndex>();
        services.AddSingleton<Analytics.Mentors.MentorIndex>();
        services.AddSingleton<Storage.SupportCommits.ISupportListener>(sp => new Storage.SupportCommits.SupportListeners(
            sp.GetRequiredService<Analytics.SupportItems.SupportItemIndex>(), sp.GetRequiredService<Analytics.Mentors.MentorIndex>()));
        services.AddSingleton<TotalsQuery>();
        services.AddSingleton<DailyActivityQuery>();
        services.AddSingleton<EngagementQuery>();
        services.AddSingleton<LurkersQuery>();
        services.AddSingleton<CohortRetentionQuery>();
        services.AddSingleton<TrendingTopicsQuery>();
        services.AddSingleton<Analytics.Kinds.MessageKindsQuery>();
        services.AddSingleton<Analytics.Emojis.TopEmojisQuery>();
        services.AddSingleton<TopChannelsQuery>();
        services.AddSingleton<TopMembersQuery>();
        services.AddSingleton<TopContentQuery>();
        services.AddSingleton<SupportSignalsQuery>();
        services.AddSingleton<KeywordDayFiller>();
        services.AddSingleton<KeywordDayCache>();
        services.AddSingleton<HourlyActivityQuery>();
        services.AddSingleton<HeatMapQuery>();
        services.AddSingleton<GuildTimeZone>();
        services.AddSingleton<Loops.OfficeHours.OfficeHoursDraftQuery>();
        services.AddSingleton<RisingMembersQuery>();
        services.AddSingleton<MemberGrowthQuery>();
        services.AddSingleton<NewMemberActivationQuery>();
        services.AddSingleton<VoiceQuery>();
        services.AddSingleton<RoleHolders>();
        services.AddSingleton<HoldersGrowth>();
        services.AddSingleton<RolesQuery>();
        services.AddSingleton<GuildRolesQuery>();
        services.AddSingleton<Analytics.Invites.InvitesQuery>();
        services.AddSingleton<Analytics.Mentors.MentorsQuery>();
        services.AddSingleton<SummaryQuery>();
        services.AddSingleton<Analytics.Leaderboard.LeaderboardSettingsStore>();
        services.AddSingleton<Analytics.Leaderboard.LeaderboardQuery>();
        return services;
    }

    /// <summary>Demo:Enabled=auto means demo exactly when no bot token is configured.</summary>
    public static bool IsDemo(IConfiguration configuration)
    {
        var demo = configuration.GetSection(DemoOptions.Section).Get<DemoOptions>() ?? new DemoOptions();
        var discord = configuration.GetSection(DiscordOptions.Section).Get<DiscordOptions>() ?? new DiscordOptions();
        return demo.IsOn(discord.HasToken);
    }
}
