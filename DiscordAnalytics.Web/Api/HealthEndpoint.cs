using DiscordAnalytics.Core.Discord.Rest;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Web.Api;

public static class HealthEndpoint
{
    /// <summary>
    /// <c>GET /healthz</c> (anonymous): 200 when the store is reachable and intact, 503 otherwise; the body
    /// names the gateway state (demo / connected / resuming / down, with the reason), Discord REST's state
    /// (<c>discordRest</c>: answering, not-answering, failing, rate-limited, ... with a short reason) and the ingestion
    /// lag. Discord's trouble never turns this into a 503: the app still serves what it has stored.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", (StoreHealth store, SourceStatus source, IngestionPipeline pipeline, DiscordRestHealth rest) =>
        {
            var health = store.Current;
            var body = new
            {
                status = health.Ok ? "ok" : "unhealthy",
                store = new { ok = health.Ok, problem = health.Problem },
                gateway = new { state = source.State.ToString().ToLowerInvariant(), reason = source.Reason },
                discordRest = new { state = rest.StateName, reason = rest.Problem },
                ingestion = new { queueLength = pipeline.QueueLength, processed = pipeline.Processed },
            };
            return Results.Json(body, statusCode: health.Ok ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous();
        return app;
    }
}
