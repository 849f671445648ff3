using System.Globalization;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Web.Api.Guilds;

namespace DiscordAnalytics.Web.Api;

/// <summary>
/// <c>GET/PUT /api/guilds/{guildId}/help-channels</c>: which channels count as help channels for support signals.
/// PUT takes <c>{ "channelIds": ["..."] }</c>, the complete set (an empty list means none); ids may be strings or numbers.
/// Both answer <c>{ guildId, channelIds, channels: [{ channelId, name, type, isHelpChannel, isDefault }] }</c>.
/// </summary>
public static class HelpChannelsApi
{
    private const string ChannelIds = "channelIds";

    public static IEndpointRouteBuilder MapHelpChannelsApi(this IEndpointRouteBuilder app)
    {
        var routes = app.MapGuildRoutes();

        routes.MapGet("/help-channels", async (RequestedGuild guild, HelpChannelSettings settings, CancellationToken ct) =>
        {
            var choices = await settings.GetAsync(guild.StoreId, ct);
            return choices is null ? ApiProblems.GuildNotFound(guild.RouteText) : Answer(guild.Id, choices);
        });

        // The guild is checked before the body: an unknown guild is a 404 whatever the body says.
        routes.MapPut("/help-channels", async (RequestedGuild guild, HttpRequest request, HelpChannelSettings settings, CancellationToken ct) =>
        {
            if (await SnowflakeListBody.ReadAsync(request, ChannelIds, ct) is not { } channelIds)
            {
                return ApiProblems.BadParameter(ChannelIds, "The body must be JSON { \"channelIds\": [...] } with Discord channel ids.");
            }

            return await settings.SetAsync(guild.StoreId, channelIds, ct) switch
            {
                HelpChannelsUpdate.GuildNotFound => ApiProblems.GuildNotFound(guild.RouteText),
                HelpChannelsUpdate.UnknownChannel => ApiProblems.BadParameter(ChannelIds, "Every id in channelIds must be a text, announcement, forum or media channel of this guild."),
                _ => Answer(guild.Id, (await settings.GetAsync(guild.StoreId, ct))!),
            };
        });

        return app;
    }

    private static IResult Answer(ulong guildId, IReadOnlyList<HelpChannelChoice> choices) => Results.Ok(new
    {
        guildId = guildId.ToString(CultureInfo.InvariantCulture),
        channelIds = choices.Where(c => c.IsHelpChannel).Select(c => c.ChannelId),
        channels = choices,
    });
}
