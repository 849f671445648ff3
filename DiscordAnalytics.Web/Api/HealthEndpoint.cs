using DiscordAnalytics.Core.Discord.Rest;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Ingestion.DeadLetters;
using DiscordAnalytics.Core.Leadership;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Web.Jobs;

namespace DiscordAnalytics.Web.Api;

public static class HealthEndpoint
{
    /// <summary>
    /// <c>GET /healthz</c> (anonymous): 200 when the store is reachable and intact, 503 otherwise; the body
    /// names the gateway state (demo / connected / resuming / down, with the reason), Discord REST's state
    /// (<c>discordRest</c>: answering, not-answering, failing, rate-limited, ... with a short reason) and the ingestion
    /// lag. Discord's trouble never turns this into a 503: the app still serves what it has stored. A store that
    /// refuses writes does: 503 with <c>ingestion.state</c> "storeUnavailable" and the reason, e.g. "store full".
    /// <c>instance.role</c> says whether this instance leads ("leader": gateway, writer, jobs) or is a "standby" of a
    /// shared PostgreSQL store (serving pages and the API); a standby is healthy. <c>jobs.pending</c> lists the recurring
    /// jobs not yet written into the job store (its server did not answer at start); they are written once it does.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async (StoreHealth store, InstanceLeadership leadership, SourceStatus source, IngestionPipeline pipeline, DiscordRestHealth rest, DeadLetterService deadLetters, RecurringJobsStatus jobs, ILogger<IngestionHealth> logger, CancellationToken ct) =>
        {
            var health = store.Current;
            var ingestion = await IngestionHealth.ReadAsync(pipeline, deadLetters, logger, ct);
            var body = new
            {
                status = health.Ok && ingestion.IsOk ? "ok" : "unhealthy",
                store = new { ok = health.Ok, problem = health.Problem },
                instance = new { role = leadership.Role.ToString().ToLowerInvariant(), reason = leadership.Reason },
                gateway = new { state = source.State.ToString().ToLowerInvariant(), reason = source.Reason },
                discordRest = new { state = rest.StateName, reason = rest.Problem },
                ingestion,
                jobs = new { pending = jobs.Pending },
            };
            return Results.Json(body, statusCode: health.Ok && ingestion.IsOk ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous();
        return app;
    }
}
