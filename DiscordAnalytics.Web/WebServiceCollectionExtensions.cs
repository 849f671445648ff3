using DiscordAnalytics.Web.Api;
using DiscordAnalytics.Web.Auth;
using DiscordAnalytics.Web.Components;
using DiscordAnalytics.Web.Errors;
using DiscordAnalytics.Web.Jobs;
using DiscordAnalytics.Web.Live;
using DiscordAnalytics.Web.Metrics;
using DiscordAnalytics.Web.PublicLeaderboard;
using DiscordAnalytics.Web.Security;
using Microsoft.AspNetCore.Components.Server.Circuits;
using MudBlazor.Services;

namespace DiscordAnalytics.Web;

public static class WebServiceCollectionExtensions
{
    /// <summary>Blazor Server with MudBlazor, the per-circuit live refresh, and the HTTP API's problem details.</summary>
    public static IHostApplicationBuilder AddDiscordAnalyticsWeb(this IHostApplicationBuilder builder)
    {
        // The last line of defence: a background service that fails anyway is logged and left stopped instead of
        // stopping the host (the default), which took the dashboard, the API and /healthz with it. The services
        // themselves catch and retry (Core's ResilientBackgroundService); this only covers a bug in that.
        builder.Services.Configure<HostOptions>(o => o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        if (Hosting.MemoryOptions.KeepsHouse(builder.Configuration))
        {
            builder.Services.AddHostedService<Hosting.NativeHeapTrimmer>();
            builder.Services.AddHostedService<Hosting.Gen2Compactor>();
        }

        // After the background warm-up, the dashboard rendered once where nobody sees it: the first visitor's is then fast.
        builder.Services.AddSingleton<WarmUp.DashboardRehearsal>();
        if (Core.WarmUp.WarmUpOptions.RunsAtStart(builder.Configuration))
        {
            builder.Services.AddHostedService(sp => sp.GetRequiredService<WarmUp.DashboardRehearsal>());
        }

        builder.Services.AddMudServices();
        builder.Services.AddScoped<DashboardLiveUpdates>();
        // One per page that shows a guild: it holds that page's choice.
        builder.Services.AddTransient<Components.Shared.GuildSelection>();
        builder.Services.AddScoped<CircuitHandler, LiveCircuitHandler>();
        builder.Services.AddProblemDetails();
        builder.Services.AddOptions<SecurityHeaders>();
        builder.Services.AddReverseProxyHeaders();
        builder.AddAdminAuth();
        builder.Services.AddModelCallGate();
        builder.AddJobs();
        builder.Services.AddBackfillJobs();
        builder.Services.AddWeeklyDigestJob();
        builder.Services.AddPrivacyScrubJob();
        builder.Services.AddKeywordDaysJob();
        builder.Services.AddActivityRolesJob();
        builder.Services.AddAlertsJob();
        builder.AddMetricsEndpoint();
        builder.Services.AddSingleton<Components.Pages.Digests.DigestHtml>();
        builder.Services.AddSingleton<Api.RoleParameter>();
        builder.Services.AddPublicLeaderboard();
        return builder;
    }

    /// <summary>The request pipeline: security headers, sign-in, antiforgery, static assets, health, API, and the Blazor app.</summary>
    public static WebApplication UseDiscordAnalyticsWeb(this WebApplication app)
    {
        app.UseReverseProxyHeaders();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithBrowserPages();
        app.UseAdminAuth();
        app.UseAntiforgery();
        // Static assets (CSS, scripts, fonts) are public: the login page needs them. Everything else is
        // behind the fallback policy of AddAdminAuth.
        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthEndpoint();
        app.MapMetricsEndpoint();
        app.MapAuthEndpoints();
        app.MapAnalyticsApi();
        app.MapRetentionApi();
        app.MapBackfillApi();
        app.MapDigestsApi();
        app.MapJobsDashboard();
        app.MapInsightsApi();
        app.MapHelpChannelsApi();
        app.MapEscalationRolesApi();
        app.MapTimeZoneApi();
        app.MapMemberPrivacyApi();
        app.MapDeadLettersApi();
        app.MapRoleRulesApi();
        app.MapAlertsApi();
        app.MapOfficeHoursApi();
        app.MapLeaderboardApi();
        app.MapSlashCommandsApi();
        app.MapPublicLeaderboard();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
