using System.Globalization;
using System.Text.Json;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Web.Api.Guilds;

namespace DiscordAnalytics.Web.Api;

/// <summary>
/// Member opt-out. <c>GET /api/guilds/{guildId}/privacy</c> lists the choices made:
/// <c>{ "members": [ { userId, displayName, choice, setAt } ] }</c>. <c>PUT /api/guilds/{guildId}/members/{userId}/privacy</c>
/// takes <c>{ "choice": "hidden" | "forgotten" | "visible" }</c>; "forgotten" answers only once the deletion is committed,
/// and a forgotten member answers 409 to everything (forgetting cannot be undone).
/// </summary>
public static class MemberPrivacyApi
{
    private const string ChoiceField = "choice";

    public static IEndpointRouteBuilder MapMemberPrivacyApi(this IEndpointRouteBuilder app)
    {
        var routes = app.MapGuildRoutes();

        routes.MapGet("/privacy", async (RequestedGuild guild, MemberPrivacySettings privacy, CancellationToken ct) =>
        {
            var members = await privacy.ListAsync(guild.StoreId, ct);
            return members is null
                ? ApiProblems.GuildNotFound(guild.RouteText)
                : Results.Ok(new
                {
                    members = members.Select(m => new
                    {
                        userId = m.UserId,
                        displayName = m.DisplayName,
                        choice = m.Choice,
                        setAt = DateTimeOffset.FromUnixTimeMilliseconds(m.SetAt).ToString("O", CultureInfo.InvariantCulture),
                    }),
                });
        });

        routes.MapPut("/members/{userId}/privacy", async (RequestedGuild guild, string userId, HttpRequest request, MemberPrivacySettings privacy, CancellationToken ct) =>
        {
            if (Snowflake.TryParse(userId) is not { } user)
            {
                return ApiProblems.BadParameter("userId", "userId must be a Discord id (a positive 64-bit integer).");
            }

            var choice = await ReadChoiceAsync(request, ct);
            if (!MemberPrivacyChoices.IsKnown(choice))
            {
                return ApiProblems.BadParameter(ChoiceField, "choice must be one of hidden, forgotten, visible.");
            }

            return await privacy.SetAsync(guild.StoreId, (long)user, choice!, ct) switch
            {
                MemberPrivacyUpdate.GuildNotFound => ApiProblems.GuildNotFound(guild.RouteText),
                MemberPrivacyUpdate.AlreadyForgotten => ApiProblems.Conflict(
                    "Member already forgotten",
                    $"Member {userId} was forgotten: everything of theirs was deleted and forgetting cannot be undone, so they can no longer be hidden or made visible."),
                MemberPrivacyUpdate.ForgetNotCommitted => ApiProblems.Status(
                    StatusCodes.Status500InternalServerError,
                    "Forget not committed",
                    "Ingestion could not commit the deletion; nothing was deleted. See the log and try again."),
                _ => Results.Ok(new
                {
                    guildId = guild.Text,
                    userId = user.ToString(CultureInfo.InvariantCulture),
                    choice,
                }),
            };
        });

        return app;
    }

    /// <summary>The body's <c>choice</c> string, or null when the body is not <c>{ "choice": "..." }</c>.</summary>
    private static async Task<string?> ReadChoiceAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            return body.RootElement.ValueKind == JsonValueKind.Object
                && body.RootElement.TryGetProperty(ChoiceField, out var choice)
                && choice.ValueKind == JsonValueKind.String
                ? choice.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
