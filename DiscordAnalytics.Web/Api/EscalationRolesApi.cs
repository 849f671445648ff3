using System.Globalization;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Web.Api.Guilds;

namespace DiscordAnalytics.Web.Api;

/// <summary>
/// <c>GET/PUT /api/guilds/{guildId}/escalation-roles</c>: which roles are moderator roles for support escalations (an
/// asker who mentions one escalates their help thread or question). PUT takes <c>{ "roleIds": ["..."] }</c>, the complete
/// set (an empty list means none); ids may be strings or numbers. Both answer
/// <c>{ guildId, roleIds, roles: [{ roleId, name, isEscalationRole }] }</c>.
/// </summary>
public static class EscalationRolesApi
{
    private const string RoleIds = "roleIds";

    public static IEndpointRouteBuilder MapEscalationRolesApi(this IEndpointRouteBuilder app)
    {
        var routes = app.MapGuildRoutes();

        routes.MapGet("/escalation-roles", async (RequestedGuild guild, EscalationRoleSettings settings, CancellationToken ct) =>
        {
            var choices = await settings.GetAsync(guild.StoreId, ct);
            return choices is null ? ApiProblems.GuildNotFound(guild.RouteText) : Answer(guild.Id, choices);
        });

        // The guild is checked before the body: an unknown guild is a 404 whatever the body says.
        routes.MapPut("/escalation-roles", async (RequestedGuild guild, HttpRequest request, EscalationRoleSettings settings, CancellationToken ct) =>
        {
            if (await SnowflakeListBody.ReadAsync(request, RoleIds, ct) is not { } roleIds)
            {
                return ApiProblems.BadParameter(RoleIds, "The body must be JSON { \"roleIds\": [...] } with Discord role ids.");
            }

            return await settings.SetAsync(guild.StoreId, roleIds, ct) switch
            {
                EscalationRolesUpdate.GuildNotFound => ApiProblems.GuildNotFound(guild.RouteText),
                EscalationRolesUpdate.UnknownRole => ApiProblems.BadParameter(RoleIds, "Every id in roleIds must be a role of this guild."),
                _ => Answer(guild.Id, (await settings.GetAsync(guild.StoreId, ct))!),
            };
        });

        return app;
    }

    private static IResult Answer(ulong guildId, IReadOnlyList<EscalationRoleChoice> choices) => Results.Ok(new
    {
        guildId = guildId.ToString(CultureInfo.InvariantCulture),
        roleIds = choices.Where(c => c.IsEscalationRole).Select(c => c.RoleId),
        roles = choices,
    });
}
