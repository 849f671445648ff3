using DiscordAnalytics.Core.Loops.OfficeHours;
using DiscordAnalytics.Web.Api.Guilds;

namespace DiscordAnalytics.Web.Api;

/// <summary>
/// <c>GET /api/guilds/{id}/office-hours/draft</c> (docs/api.md, docs/loops.md): the office-hours announcement for the
/// busiest weekday + hour of question activity over the last 28 days, <c>{ weekday, hour, timeZone, questions, nextAt,
/// text }</c>; <c>{ questions: 0, text: null }</c> without question activity. A draft only: nothing is posted.
/// </summary>
public static class OfficeHoursApi
{
    public static IEndpointRouteBuilder MapOfficeHoursApi(this IEndpointRouteBuilder app)
    {
        app.MapGuildRoutes().MapGet("/office-hours/draft", async (RequestedGuild guild, OfficeHoursDraftQuery drafts, CancellationToken ct) =>
            await drafts.DraftAsync(guild.StoreId, ct) is { } draft
                ? Results.Ok(new
                {
                    guildId = guild.Text,
                    draft.Weekday,
                    draft.Hour,
                    draft.TimeZone,
                    draft.Questions,
                    draft.NextAt,
                    draft.HelpChannel,
                    draft.Text,
                })
                : ApiProblems.GuildNotFound(guild.RouteText));
        return app;
    }
}
