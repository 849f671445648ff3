using System.Globalization;
using System.Text.Json;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Privacy;

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
        app.MapGet("/api/guilds/{guildId}/privacy", async (string guildId, MemberPrivacySettings privacy, CancellationToken ct) =>
        {
            if (Snowflake.TryParse(guildId) is not { } id)
            {
                return AnalyticsApi.BadGuildId();
            }

            var members = await privacy.ListAsync((long)id, ct);
            return members is null
                ? AnalyticsApi.GuildNotFound(guildId)
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

        app.MapPut("/api/guilds/{guildId}/members/{userId}/privacy", async (string guildId, string userId, HttpRequest request, MemberPrivacySettings privacy, CancellationToken ct) =>
        {
            if (Snowflake.TryParse(guildId) is not { } guild)
            {
                return AnalyticsApi.BadGuildId();
            }

            if (Snowflake.TryParse(userId) is not { } user)
            {
                return AnalyticsApi.BadParameter("userId", "userId must be a Discord id (a positive 64-bit integer).");
            }

            var choice = await ReadChoiceAsync(request, ct);
            if (!MemberPrivacyChoices.IsKnown(choice))
            {
                return AnalyticsApi.BadParameter(ChoiceField, "choice must be one of hidden, forgotten, visible.");
            }

            return await privacy.SetAsync((long)guild, (long)user, choice!, ct) switch
            {
                MemberPrivacyUpdate.GuildNotFound => AnalyticsApi.GuildNotFound(guildId),
                MemberPrivacyUpdate.AlreadyForgotten => Results.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    title: "Member already forgotten",
                    detail: $"Member {userId} was forgotten: everything of theirs was deleted and forgetting cannot be undone, so they can no longer be hidden or made visible."),
                MemberPrivacyUpdate.ForgetNotCommitted => Results.Problem(
                    statusCode: StatusCodes.Status500InternalServerError,
                    title: "Forget not committed",
                    detail: "Ingestion could not commit the deletion; nothing was deleted. See the log and try again."),
                _ => Results.Ok(new
                {
                    guildId = guild.ToString(CultureInfo.InvariantCulture),
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
