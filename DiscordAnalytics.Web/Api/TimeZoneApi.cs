using System.Globalization;
using System.Text.Json;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Web.Api.Guilds;

namespace DiscordAnalytics.Web.Api;

/// <summary>
/// <c>GET/PUT /api/guilds/{guildId}/time-zone</c>: the guild's display time zone (heat map, summary <c>hourly</c>).
/// PUT takes <c>{ "timeZone": "Asia/Kathmandu" }</c> (an IANA id); both answer <c>{ guildId, timeZone }</c>.
/// </summary>
public static class TimeZoneApi
{
    private const string TimeZoneField = "timeZone";

    public static IEndpointRouteBuilder MapTimeZoneApi(this IEndpointRouteBuilder app)
    {
        var routes = app.MapGuildRoutes();

        routes.MapGet("/time-zone", async (RequestedGuild guild, GuildTimeZone zones, CancellationToken ct) =>
        {
            var zone = await zones.GetAsync(guild.StoreId, ct);
            return zone is null ? ApiProblems.GuildNotFound(guild.RouteText) : Answer(guild.Id, zone);
        });

        routes.MapPut("/time-zone", async (RequestedGuild guild, HttpRequest request, GuildTimeZone zones, CancellationToken ct) =>
        {
            var zone = await ReadZoneAsync(request, ct);
            return await zones.SetAsync(guild.StoreId, zone, ct) switch
            {
                TimeZoneUpdate.GuildNotFound => ApiProblems.GuildNotFound(guild.RouteText),
                TimeZoneUpdate.InvalidZone => ApiProblems.BadParameter(TimeZoneField, "timeZone must be an IANA time zone id such as Europe/Berlin, Asia/Kathmandu or UTC."),
                _ => Answer(guild.Id, zone!),
            };
        });

        return app;
    }

    /// <summary>The body's <c>timeZone</c> string, or null when the body is not <c>{ "timeZone": "..." }</c>.</summary>
    private static async Task<string?> ReadZoneAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            return body.RootElement.ValueKind == JsonValueKind.Object
                && body.RootElement.TryGetProperty(TimeZoneField, out var zone)
                && zone.ValueKind == JsonValueKind.String
                ? zone.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult Answer(ulong guildId, string zone) => Results.Ok(new
    {
        guildId = guildId.ToString(CultureInfo.InvariantCulture),
        timeZone = zone,
    });
}
