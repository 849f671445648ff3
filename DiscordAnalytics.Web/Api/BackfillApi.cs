using System.Text.Json;
using DiscordAnalytics.Core.Backfill;
using DiscordAnalytics.Core.Discord;

namespace DiscordAnalytics.Web.Api;

/// <summary>
/// History backfill over HTTP: start (<c>POST</c>, body <c>{ "days": 30, "channelIds": ["..."] }</c>), status with
/// progress (<c>GET</c>), cancel (<c>DELETE</c>), pause and resume. Same problem+json answers as the analytics routes.
/// </summary>
public static class BackfillApi
{
    public static IEndpointRouteBuilder MapBackfillApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/guilds/{guildId}/backfill");

        api.MapGet("", async (string guildId, BackfillService backfill, CancellationToken ct) =>
        {
            if (await FindGuildAsync(guildId, backfill, ct) is not { } id)
            {
                return GuildProblem(guildId);
            }

            return Results.Ok(await AnswerAsync(id, backfill, ct));
        });

        api.MapPost("", async (string guildId, HttpRequest request, BackfillService backfill, CancellationToken ct) =>
        {
            if (await FindGuildAsync(guildId, backfill, ct) is not { } id)
            {
                return GuildProblem(guildId);
            }

            var (days, channelIds, problem) = await ReadBodyAsync(request, ct);
            if (problem is not null)
            {
                return problem;
            }

            var outcome = await backfill.StartAsync(id, days, channelIds, ct);
            return outcome.Kind == BackfillOutcomeKind.Ok
                ? Results.Accepted($"/api/guilds/{id}/backfill", await AnswerAsync(id, backfill, ct))
                : Problem(outcome, guildId);
        });

        api.MapDelete("", (string guildId, BackfillService backfill, CancellationToken ct) =>
            CommandAsync(guildId, backfill, backfill.CancelAsync, ct));

        api.MapPost("/pause", (string guildId, BackfillService backfill, CancellationToken ct) =>
            CommandAsync(guildId, backfill, backfill.PauseAsync, ct));

        api.MapPost("/resume", (string guildId, BackfillService backfill, CancellationToken ct) =>
            CommandAsync(guildId, backfill, backfill.ResumeAsync, ct));

        return app;
    }

    private static async Task<IResult> CommandAsync(string guildId, BackfillService backfill, Func<ulong, CancellationToken, Task<BackfillOutcome>> command, CancellationToken ct)
    {
        if (await FindGuildAsync(guildId, backfill, ct) is not { } id)
        {
            return GuildProblem(guildId);
        }

        var outcome = await command(id, ct);
        return outcome.Kind == BackfillOutcomeKind.Ok ? Results.Ok(await AnswerAsync(id, backfill, ct)) : Problem(outcome, guildId);
    }

    private static async Task<BackfillAnswer> AnswerAsync(ulong guildId, BackfillService backfill, CancellationToken ct) =>
        new(backfill.IsAvailable, backfill.AllowedDepths, await backfill.GetStatusAsync(guildId, ct));

    /// <summary>The guild id when it parses and the guild is in the store; null otherwise (see <see cref="GuildProblem"/>).</summary>
    private static async Task<ulong?> FindGuildAsync(string guildId, BackfillService backfill, CancellationToken ct) =>
        Snowflake.TryParse(guildId) is { } id && await backfill.GuildExistsAsync(id, ct) ? id : null;

    private static IResult GuildProblem(string guildId) => Snowflake.TryParse(guildId) is null
        ? AnalyticsApi.BadGuildId()
        : AnalyticsApi.GuildNotFound(guildId);

    private static async Task<(int Days, IReadOnlyList<ulong>? ChannelIds, IResult? Problem)> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
        }
        catch (JsonException)
        {
            return (0, null, AnalyticsApi.BadParameter("body", "The body must be JSON: { \"days\": 7|14|30|90, \"channelIds\": [\"...\"] }."));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (0, null, AnalyticsApi.BadParameter("body", "The body must be a JSON object."));
            }

            if (!root.TryGetProperty("days", out var daysElement) || daysElement.ValueKind != JsonValueKind.Number || !daysElement.TryGetInt32(out var days))
            {
                return (0, null, AnalyticsApi.BadParameter("days", "days must be a whole number of days: 7, 14, 30 or 90."));
            }

            if (!root.TryGetProperty("channelIds", out var idsElement) || idsElement.ValueKind == JsonValueKind.Null)
            {
                return (days, null, null);
            }

            if (idsElement.ValueKind != JsonValueKind.Array)
            {
                return (0, null, AnalyticsApi.BadParameter("channelIds", "channelIds must be an array of channel ids (strings)."));
            }

            var ids = new List<ulong>();
            foreach (var item in idsElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String || Snowflake.TryParse(Text(item)) is not { } channelId)
                {
                    return (0, null, AnalyticsApi.BadParameter("channelIds", "channelIds must be an array of channel ids (strings)."));
                }

                ids.Add(channelId);
            }

            return (days, ids, null);
        }
    }

    private static string? Text(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static IResult Problem(BackfillOutcome outcome, string guildId) => outcome.Kind switch
    {
        BackfillOutcomeKind.BadRequest => AnalyticsApi.BadParameter(outcome.Parameter!, outcome.Reason!),
        BackfillOutcomeKind.NotFound => AnalyticsApi.GuildNotFound(guildId),
        _ => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Backfill not possible now", detail: outcome.Reason),
    };
}
