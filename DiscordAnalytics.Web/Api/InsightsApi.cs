using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Insights;
using DiscordAnalytics.Web.Api.Guilds;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Web.Api;

/// <summary>
/// <c>GET /api/guilds/{guildId}/insights?window=...&amp;refresh=true|false</c>: the insights the dashboard card shows.
/// Answers the cached result for the guild and window when there is one (the card's, too), generates otherwise or
/// when <c>refresh=true</c>. A model failure is a 200 with <c>fallbackReason</c> and the offline insights. Generating
/// goes through the <see cref="ModelCallGate"/>: 429 with Retry-After while the guild's previous one runs or past its per-minute cap.
/// </summary>
public static class InsightsApi
{
    public static IEndpointRouteBuilder MapInsightsApi(this IEndpointRouteBuilder app)
    {
        app.MapGuildRoutes().MapGet("/insights", async (
            RequestedGuild guild,
            string? window,
            string? start,
            string? end,
            string? refresh,
            InsightsService insights,
            ModelCallGate gate,
            HttpResponse response,
            TimeProvider time,
            IOptions<DiscordOptions> discord,
            CancellationToken ct) =>
        {
            if (!AnalyticsApi.TryParseQuery(guild, window, start, end, null, time, discord.Value, out var query, out var problem))
            {
                return problem;
            }

            if (!TryParseFlag(refresh, out var regenerate))
            {
                return ApiProblems.BadParameter("refresh", "refresh must be true or false.");
            }

            var generated = regenerate ? null : insights.Cached(query);
            if (generated is null)
            {
                // Generating calls the model: one at a time per guild, a few per minute (ModelCallGate).
                using var lease = gate.TryEnter(query.GuildId, out var retryAfter);
                if (lease is null)
                {
                    return ModelCallGate.TooManyRequests(response, retryAfter);
                }

                generated = await insights.GenerateAsync(query, ct);
            }

            if (generated is null)
            {
                return ApiProblems.GuildNotFound(guild.RouteText);
            }

            var report = generated.Report;
            return Results.Ok(new
            {
                guildId = generated.Query.GuildId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                window = new { kind = generated.Query.Window.KindName, startAt = generated.Query.Window.StartAt, endAt = generated.Query.Window.EndAt },
                generatedAt = generated.GeneratedAt.ToUnixTimeMilliseconds(),
                generator = report.Generator,
                fallbackReason = report.FallbackReason,
                modelCalls = report.ModelCalls,
                grounded = report.Grounding.IsGrounded,
                violations = report.Grounding.Violations,
                insights = report.Insights,
                actions = report.Actions,
            });
        });

        return app;
    }

    private static bool TryParseFlag(string? text, out bool value)
    {
        value = false;
        return text is null || bool.TryParse(text, out value);
    }
}
