using System.Diagnostics.Metrics;
using DiscordAnalytics.Core.Metrics;
using Hangfire.Common;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace DiscordAnalytics.Web.Metrics;

public static class MetricsServiceCollectionExtensions
{
    public const string Path = "/metrics";

    /// <summary>
    /// <c>Metrics</c> options (checked at start) and, when <c>Metrics:Enabled</c>, the instruments and the
    /// OpenTelemetry Prometheus exporter listening to <see cref="AnalyticsMeter.Name"/> only. Off, nothing listens
    /// and no instrument exists.
    /// </summary>
    public static IHostApplicationBuilder AddMetricsEndpoint(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section)
            .Validate(o => o.HasAcceptableToken, $"Metrics:BearerToken must be empty (scrapes from this machine only) or at least {MetricsOptions.MinimumTokenLength} characters long, e.g. from `openssl rand -base64 32`.")
            .ValidateOnStart();
        if (!builder.Configuration.GetValue<bool>($"{MetricsOptions.Section}:{nameof(MetricsOptions.Enabled)}"))
        {
            return builder;
        }

        services.AddCoreInstruments();
        services.AddSingleton<JobRuns>();
        services.AddSingleton<WebInstruments>();
        services.AddSingleton(sp => new JobFilter(new JobRunFilter(sp.GetRequiredService<JobRuns>()), JobFilterScope.Global, order: null));
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("discord-analytics"))
            .WithMetrics(metrics => KeepOwnInstruments(metrics)
                .AddMeter(AnalyticsMeter.Name)
                .AddInstrumentation(sp => sp.GetRequiredService<CoreInstruments>())
                .AddInstrumentation(sp => sp.GetRequiredService<WebInstruments>())
                .AddPrometheusExporter(exporter =>
                {
                    // Every scrape collects afresh; what is costly to read is cached by StoreReadingsCache instead.
                    exporter.ScrapeResponseCacheDurationMilliseconds = 0;
                    // One meter, so its name on every series says nothing.
                    exporter.ScopeInfoEnabled = false;
                }));
        return builder;
    }

    /// <summary>
    /// Meters are process-wide: a listener hears every meter of that name, this host's and any other's in the same
    /// process (tests run many hosts). Only the instruments of this host's meter factory count.
    /// </summary>
    private static MeterProviderBuilder KeepOwnInstruments(MeterProviderBuilder metrics) =>
        ((IDeferredMeterProviderBuilder)metrics).Configure((services, provider) =>
        {
            var own = services.GetRequiredService<IMeterFactory>();
            provider.AddView(instrument => ReferenceEquals(instrument.Meter.Scope, own) ? null : MetricStreamConfiguration.Drop);
        });

    /// <summary>
    /// <c>GET /metrics</c>: Prometheus text format through <see cref="MetricsAccess"/> (bearer token, or this machine
    /// only), outside the admin sign-in. Off (default), a plain 404, so a scraper pointed at it by mistake is told so
    /// instead of being sent to the login page.
    /// </summary>
    public static WebApplication MapMetricsEndpoint(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value.Enabled)
        {
            app.MapGet(Path, () => Results.Text("Metrics are off: set Metrics:Enabled=true to serve them here.\n", statusCode: StatusCodes.Status404NotFound))
                .AllowAnonymous();
            return app;
        }

        app.MapPrometheusScrapingEndpoint(Path, meterProvider: null, configureBranchedPipeline: branch =>
        {
            branch.UseMiddleware<MetricsAccess>();
            branch.Use(async (context, next) =>
            {
                await context.RequestServices.GetRequiredService<StoreReadingsCache>().RefreshAsync(context.RequestAborted);
                await next(context);
            });
        }, optionsName: null).AllowAnonymous();
        return app;
    }
}
