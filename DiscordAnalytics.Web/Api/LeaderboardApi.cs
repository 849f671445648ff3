using System.Globalization;
using System.Text.Json;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Leaderboard;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Web.Api.Guilds;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Web.Api;

/// <summary>
/// <c>GET /api/guilds/{guildId}/leaderboard?window=...&amp;by=activity|messages|reactions|streak&amp;top=N</c>, its CSV
/// (<c>/export/leaderboard.csv</c>, what the card downloads) and <c>GET/PUT .../leaderboard/rules</c> (streak days and
/// score weights). Admin only, like every other route: the public page has its own address (PublicLeaderboardPage).
/// </summary>
public static class LeaderboardApi
{
    public static IEndpointRouteBuilder MapLeaderboardApi(this IEndpointRouteBuilder app)
    {
        var routes = app.MapGuildRoutes();

        routes.MapGet("/leaderboard", async (
            RequestedGuild guild, string? window, string? start, string? end, string? top, string? by,
            LeaderboardQuery leaderboard, TimeProvider time, IOptions<DiscordOptions> discord, CancellationToken ct) =>
        {
            if (!TryParse(guild, window, start, end, top, by, time, discord.Value, out var query, out var ranking, out var problem))
            {
                return problem;
            }

            var board = await leaderboard.RunAsync(query, ranking, ct);
            return Results.Ok(new
            {
                guildId = guild.Text,
                window = new { start = query.Window.FirstDate, end = query.Window.LastDate },
                by = Name(board.By),
                rules = Rules(board.Rules),
                entries = board.Entries,
            });
        });

        routes.MapGet("/export/leaderboard.csv", async (
            RequestedGuild guild, string? window, string? start, string? end, string? top, string? by,
            LeaderboardQuery leaderboard, TimeProvider time, IOptions<DiscordOptions> discord, CancellationToken ct) =>
        {
            if (!TryParse(guild, window, start, end, top ?? AnalyticsQuery.MaxTop.ToString(CultureInfo.InvariantCulture), by, time, discord.Value, out var query, out var ranking, out var problem))
            {
                return problem;
            }

            var board = await leaderboard.RunAsync(query, ranking, ct);
            return Results.Text(
                CsvWriter.Write(
                    ["rank", "discordUserId", "name", "score", "messages", "reactions", "threads", "voiceMinutes", "currentStreak", "longestStreak"],
                    board.Entries.Select(e => new object?[]
                    {
                        e.Rank, e.UserId, e.Hidden ? "hidden member" : e.Name, e.Score, e.Messages, e.Reactions, e.Threads, e.VoiceMinutes, e.CurrentStreak, e.LongestStreak,
                    })),
                "text/csv; charset=utf-8");
        });

        routes.MapGet("/leaderboard/rules", async (RequestedGuild guild, LeaderboardSettingsStore settings, CancellationToken ct) =>
            Results.Ok(Rules(await settings.RulesAsync(guild.StoreId, ct))));

        routes.MapPut("/leaderboard/rules", async (RequestedGuild guild, HttpRequest request, LeaderboardSettingsStore settings, CancellationToken ct) =>
        {
            var (rules, field) = await ReadRulesAsync(request, ct);
            if (rules?.Problem() is { } problem)
            {
                return ApiProblems.BadParameter(problem.Field, problem.Reason);
            }

            if (rules is null)
            {
                return ApiProblems.BadParameter(field!, "the body must be { \"streak\": { \"messages\", \"reactions\", \"voice\": true|false }, \"weights\": { \"message\", \"reaction\", \"thread\", \"voiceMinute\": number } }.");
            }

            return await settings.SetRulesAsync(guild.StoreId, rules, ct) ? Results.Ok(Rules(rules)) : ApiProblems.GuildNotFound(guild.RouteText);
        });

        return app;
    }

    /// <summary>The window (as every card's), <c>by</c> and <c>top</c>; on failure <paramref name="problem"/> is the 400 naming the parameter.</summary>
    private static bool TryParse(
        RequestedGuild guild, string? window, string? start, string? end, string? top, string? by, TimeProvider time, DiscordOptions discord,
        out AnalyticsQuery query, out LeaderboardRanking ranking, out IResult problem)
    {
        ranking = LeaderboardRanking.Activity;
        if (!AnalyticsApi.TryParseQuery(guild, window, start, end, top, time, discord, out query, out problem))
        {
            return false;
        }

        if (ParseBy(by) is not { } parsed)
        {
            problem = ApiProblems.BadParameter("by", "by must be one of activity, messages, reactions, streak.");
            return false;
        }

        ranking = parsed;
        return true;
    }

    /// <summary><c>by</c> as sent (any letter case; absent = activity), or null when it names nothing.</summary>
    internal static LeaderboardRanking? ParseBy(string? by) => (by ?? "activity").Trim().ToLowerInvariant() switch
    {
        "activity" => LeaderboardRanking.Activity,
        "messages" => LeaderboardRanking.Messages,
        "reactions" => LeaderboardRanking.Reactions,
        "streak" => LeaderboardRanking.Streak,
        _ => null,
    };

    internal static string Name(LeaderboardRanking by) => by.ToString().ToLowerInvariant();

    private static object Rules(LeaderboardRules rules) => new
    {
        streak = new { messages = rules.StreakMessages, reactions = rules.StreakReactions, voice = rules.StreakVoice },
        weights = new { message = rules.MessageWeight, reaction = rules.ReactionWeight, thread = rules.ThreadWeight, voiceMinute = rules.VoiceMinuteWeight },
    };

    /// <summary>The body's rules, or null with the field that is missing or of the wrong kind.</summary>
    private static async Task<(LeaderboardRules? Rules, string? Field)> ReadRulesAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            var root = body.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("streak", out var streak) || streak.ValueKind != JsonValueKind.Object)
            {
                return (null, "streak");
            }

            if (!root.TryGetProperty("weights", out var weights) || weights.ValueKind != JsonValueKind.Object)
            {
                return (null, "weights");
            }

            bool? Flag(string name) => streak.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;
            double? Weight(string name) => weights.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
            if (Flag("messages") is not { } messages || Flag("reactions") is not { } reactions || Flag("voice") is not { } voice)
            {
                return (null, "streak");
            }

            return (Weight("message"), Weight("reaction"), Weight("thread"), Weight("voiceMinute")) switch
            {
                ({ } m, { } r, { } t, { } v) => (new LeaderboardRules(messages, reactions, voice, m, r, t, v), null),
                _ => (null, "weights"),
            };
        }
        catch (JsonException)
        {
            return (null, "streak");
        }
    }
}
