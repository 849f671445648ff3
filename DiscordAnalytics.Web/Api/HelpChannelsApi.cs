using System.Globalization;
using System.Text.Json;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Discord;

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
        app.MapGet("/api/guilds/{guildId}/help-channels", async (string guildId, HelpChannelSettings settings, CancellationToken ct) =>
        {
            if (Snowflake.TryParse(guildId) is not { } id)
            {
                return AnalyticsApi.BadGuildId();
            }

            var choices = await settings.GetAsync((long)id, ct);
            return choices is null ? AnalyticsApi.GuildNotFound(guildId) : Answer(id, choices);
        });

        app.MapPut("/api/guilds/{guildId}/help-channels", async (string guildId, HttpRequest request, HelpChannelSettings settings, CancellationToken ct) =>
        {
            if (Snowflake.TryParse(guildId) is not { } id)
            {
                return AnalyticsApi.BadGuildId();
            }

            var channelIds = await ReadChannelIdsAsync(request, ct);
            if (channelIds is null)
            {
                // An unknown guild is a 404 whatever the body says.
                return await settings.GetAsync((long)id, ct) is null
                    ? AnalyticsApi.GuildNotFound(guildId)
                    : AnalyticsApi.BadParameter(ChannelIds, "The body must be JSON { \"channelIds\": [...] } with Discord channel ids.");
            }

            switch (await settings.SetAsync((long)id, channelIds, ct))
            {
                case HelpChannelsUpdate.GuildNotFound:
                    return AnalyticsApi.GuildNotFound(guildId);
                case HelpChannelsUpdate.UnknownChannel:
                    return AnalyticsApi.BadParameter(ChannelIds, "Every id in channelIds must be a text, announcement, forum or media channel of this guild.");
                default:
                    return Answer(id, (await settings.GetAsync((long)id, ct))!);
            }
        });

        return app;
    }

    /// <summary>The ids of the body, or null when the body is not <c>{ "channelIds": [ids] }</c>.</summary>
    private static async Task<List<long>?> ReadChannelIdsAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            if (body.RootElement.ValueKind != JsonValueKind.Object
                || !body.RootElement.TryGetProperty(ChannelIds, out var list)
                || list.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var ids = new List<long>();
            foreach (var item in list.EnumerateArray())
            {
                var text = item.ValueKind switch
                {
                    JsonValueKind.String => item.GetString(),
                    JsonValueKind.Number => item.GetRawText(),
                    _ => null,
                };
                if (Snowflake.TryParse(text) is not { } channelId)
                {
                    return null;
                }

                ids.Add((long)channelId);
            }

            return ids;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult Answer(ulong guildId, IReadOnlyList<HelpChannelChoice> choices) => Results.Ok(new
    {
        guildId = guildId.ToString(CultureInfo.InvariantCulture),
        channelIds = choices.Where(c => c.IsHelpChannel).Select(c => c.ChannelId),
        channels = choices,
    });
}
