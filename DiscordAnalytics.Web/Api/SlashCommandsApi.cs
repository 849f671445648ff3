using System.Text.Json;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Loops.SlashCommands;
using DiscordAnalytics.Web.Api.Guilds;

namespace DiscordAnalytics.Web.Api;

/// <summary>
/// The slash commands of a guild (docs/api.md, docs/loops.md): <c>GET/PUT /api/guilds/{id}/commands</c> (the "answer
/// slash commands" switch and which commands answer publicly) and <c>GET .../commands/preview?userId=</c> (what each
/// command would answer now: the same text the bot sends). A bad PUT is a 400 naming the field, and nothing is changed.
/// </summary>
public static class SlashCommandsApi
{
    private const string BodyShape = "The body must be JSON { \"answer\": false, \"public\": { \"stats\": false, \"leaderboard\": false } }.";

    public static IEndpointRouteBuilder MapSlashCommandsApi(this IEndpointRouteBuilder app)
    {
        var routes = app.MapGuildRoutes();

        routes.MapGet("/commands", async (RequestedGuild guild, SlashCommandSettingsStore settings, SlashCommandRegistrations registrations, CancellationToken ct) =>
            await settings.GetAsync(guild.StoreId, ct) is { } view ? Results.Ok(Answer(guild, view, registrations)) : ApiProblems.GuildNotFound(guild.RouteText));

        routes.MapPut("/commands", async (RequestedGuild guild, HttpContext context, SlashCommandSettingsStore settings, SlashCommandRegistrations registrations, CancellationToken ct) =>
        {
            var (body, field) = await ReadAsync(context.Request, ct);
            if (body is not { } read)
            {
                return ApiProblems.BadParameter(field!, field == "body" ? BodyShape : $"{field} must be true or false.");
            }

            if (!await settings.SetAsync(guild.StoreId, read.Answer, read.StatsPublic, read.LeaderboardPublic, ct))
            {
                return ApiProblems.GuildNotFound(guild.RouteText);
            }

            // Connected to Discord: the guild's commands follow the switch now, not at the next connection.
            context.RequestServices.GetService<SlashCommandInbox>()?.SettingsChanged(guild.Id);
            return Results.Ok(Answer(guild, (await settings.GetAsync(guild.StoreId, ct))!, registrations));
        });

        routes.MapGet("/commands/preview", async (RequestedGuild guild, string? userId, SlashCommandSettingsStore settings, SlashCommandAnswers answers, CancellationToken ct) =>
        {
            ulong? caller = null;
            if (userId is not null)
            {
                if (Snowflake.TryParse(userId) is not { } parsed)
                {
                    return ApiProblems.BadParameter("userId", "userId must be the Discord id of a member (for /me), or left out.");
                }

                caller = parsed;
            }

            if (await settings.GetAsync(guild.StoreId, ct) is not { } view)
            {
                return ApiProblems.GuildNotFound(guild.RouteText);
            }

            return Results.Ok(new
            {
                guildId = guild.Text,
                stats = new { ephemeral = !view.IsPublic(SlashCommand.Stats), content = await answers.StatsAsync(guild.Id, ct) },
                me = caller is { } user ? new { ephemeral = true, content = await answers.MeAsync(guild.Id, user, ct) } : null,
                leaderboard = new { ephemeral = !view.IsPublic(SlashCommand.Leaderboard), content = await answers.LeaderboardAsync(guild.Id, ct) },
            });
        });

        return app;
    }

    private static object Answer(RequestedGuild guild, SlashCommandsView view, SlashCommandRegistrations registrations) => new
    {
        guildId = guild.Text,
        answer = view.Answer,
        @public = new { stats = view.StatsPublic, leaderboard = view.LeaderboardPublic },
        registeredCommands = view.RegisteredCommands,
        registration = registrations.Last(guild.Id) is { } last
            ? new { result = last.Succeeded ? "registered" : "failed", commands = last.Commands, at = last.At, httpStatus = last.HttpStatus, message = last.Message }
            : null,
    };

    /// <summary>The body, or null with the first field at fault (<c>body</c>, <c>answer</c>, <c>public</c>, <c>public.stats</c>, <c>public.leaderboard</c>).</summary>
    private static async Task<((bool Answer, bool StatsPublic, bool LeaderboardPublic)? Body, string? Field)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "body");
            }

            if (Flag(root, "answer") is not { } answer)
            {
                return (null, "answer");
            }

            if (!root.TryGetProperty("public", out var shown) || shown.ValueKind != JsonValueKind.Object)
            {
                return (null, "public");
            }

            if (Flag(shown, "stats") is not { } stats)
            {
                return (null, "public.stats");
            }

            if (Flag(shown, "leaderboard") is not { } leaderboard)
            {
                return (null, "public.leaderboard");
            }

            return ((answer, stats, leaderboard), null);
        }
        catch (JsonException)
        {
            return (null, "body");
        }
    }

    private static bool? Flag(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;
}
