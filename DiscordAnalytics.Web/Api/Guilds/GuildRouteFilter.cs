using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Discord;

namespace DiscordAnalytics.Web.Api.Guilds;

/// <summary>
/// The checks every <c>/api/guilds/{guildId}/...</c> route makes first, in this order: <c>guildId</c> is a Discord
/// id (else 400 naming <c>guildId</c>), the store has the guild (else 404); then the handler runs with the
/// <see cref="RequestedGuild"/>. Route, query and body checks of the handler come after, so an answer names one culprit.
/// </summary>
public sealed class GuildRouteFilter : IEndpointFilter
{
    public const string RouteParameter = "guildId";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var text = http.GetRouteValue(RouteParameter) as string;
        if (Snowflake.TryParse(text) is not { } id)
        {
            return ApiProblems.BadGuildId();
        }

        var guilds = http.RequestServices.GetRequiredService<GuildsQuery>();
        if (await guilds.FindAsync(id, http.RequestAborted) is not { } info)
        {
            return ApiProblems.GuildNotFound(text!);
        }

        var guild = new RequestedGuild(id, text!, info);
        for (var i = 0; i < context.Arguments.Count; i++)
        {
            if (context.Arguments[i] is RequestedGuild)
            {
                context.Arguments[i] = guild;
            }
        }

        return await next(context);
    }
}
