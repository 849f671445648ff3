using DiscordAnalytics.Web.Api;
using DiscordAnalytics.Web.Components;
using DiscordAnalytics.Web.Jobs;
using DiscordAnalytics.Web.Live;
using MudBlazor.Services;

namespace DiscordAnalytics.Web;

public static class WebServiceCollectionExtensions
{
    /// <summary>Blazor Server with MudBlazor, the per-circuit live refresh, and the HTTP API's problem details.</summary>
    public static IHostApplicationBuilder AddDiscordAnalyticsWeb(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddScoped<DashboardLiveUpdates>();
        builder.Services.AddProblemDetails();
        builder.AddJobs();
        builder.Services.AddWeeklyDigestJob();
        builder.Services.AddSingleton<Components.Pages.Digests.DigestHtml>();
        return builder;
    }

    /// <summary>The request pipeline: static assets, antiforgery, health, API, and the Blazor app.</summary>
    public static WebApplication UseDiscordAnalyticsWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseStatusCodePages();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapHealthEndpoint();
        app.MapAnalyticsApi();
        app.MapDigestsApi();
        app.MapJobsDashboard();
        app.MapInsightsApi();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
