namespace DiscordAnalytics.Web.Api.Guilds;

public static class GuildRoutes
{
    /// <summary>
    /// The route group <c>/api/guilds/{guildId}</c>: every route mapped on it gets the <see cref="GuildRouteFilter"/>
    /// (400 for a <c>guildId</c> that is not a Discord id, 404 for a guild the store lacks) and may take the
    /// <see cref="RequestedGuild"/> as a parameter.
    /// </summary>
    public static RouteGroupBuilder MapGuildRoutes(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/guilds/{" + GuildRouteFilter.RouteParameter + "}").AddEndpointFilter<GuildRouteFilter>();
}
