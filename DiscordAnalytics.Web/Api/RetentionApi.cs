using DiscordAnalytics.Core.Analytics.Cohorts;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Web.Api.Guilds;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Web.Api;

/// <summary>
/// <c>GET /api/guilds/{guildId}/retention?weeks=12</c>: join-cohort retention (<see cref="RetentionTable"/>), the
/// Retention card's numbers. <c>weeks</c> is 1 to 12 (default 12); anything else is the 400 naming it.
/// </summary>
public static class RetentionApi
{
    public static IEndpointRouteBuilder MapRetentionApi(this IEndpointRouteBuilder app)
    {
        app.MapGuildRoutes().MapGet("/retention", async (
            RequestedGuild guild,
            string? weeks,
            CohortRetentionQuery retention,
            IOptions<DiscordOptions> discord,
            CancellationToken ct) =>
        {
            if (!CohortRetentionQuery.TryParseWeeks(weeks, out var count, out var error))
            {
                return ApiProblems.BadParameter(error!.Parameter, error.Reason);
            }

            var table = await retention.RunAsync(guild.Id, count, discord.Value.IncludeBots, ct);
            return table is null ? ApiProblems.GuildNotFound(guild.RouteText) : Results.Ok(table);
        });

        return app;
    }
}
