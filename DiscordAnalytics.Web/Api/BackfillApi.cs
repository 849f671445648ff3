using System.Text.Json;
using DiscordAnalytics.Core.Backfill;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Web.Api.Guilds;

namespace DiscordAnalytics.Web.Api;

/// <summary>
/// History backfill over HTTP: start (<c>POST</c>, body <c>{ "days": 30, "channelIds": ["..."] }</c>), status with
/// progress (<c>GET</c>), cancel (<c>DELETE</c>), pause and resume. Same problem+json answers as the analytics routes.
/// </summary>
public static class BackfillApi
{
    public static IEndpointRouteBuilder MapBackfillApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGuildRoutes().MapGroup("/backfill");

        api.MapGet("", async (RequestedGuild guild, BackfillService backfill, CancellationToken ct) =>
            Results.Ok(await AnswerAsync(guild.Id, backfill, ct)));

        api.MapPost("", async (RequestedGuild guild, HttpRequest request, BackfillService backfill, CancellationToken ct) =>
        {
            var (days, channelIds, problem) = await ReadBodyAsync(request, ct);
            if (problem is not null)
            {
                return problem;
            }

            var outcome = await backfill.StartAsync(guild.Id, days, channelIds, ct);
            return outcome.Kind == BackfillOutcomeKind.Ok
                ? Results.Accepted($"/api/guilds/{guild.Id}/backfill", await AnswerAsync(guild.Id, backfill, ct))
                : Problem(outcome, guild);
        });

        api.MapDelete("", (RequestedGuild guild, BackfillService backfill, CancellationToken ct) =>
            CommandAsync(guild, backfill, backfill.CancelAsync, ct));

        api.MapPost("/pause", (RequestedGuild guild, BackfillService backfill, CancellationToken ct) =>
            CommandAsync(guild, backfill, backfill.PauseAsync, ct));

        api.MapPost("/resume", (RequestedGuild guild, BackfillService backfill, CancellationToken ct) =>
            CommandAsync(guild, backfill, backfill.ResumeAsync, ct));

        return app;
    }

    private static async Task<IResult> CommandAsync(RequestedGuild guild, BackfillService backfill, Func<ulong, CancellationToken, Task<BackfillOutcome>> command, CancellationToken ct)
    {
        var outcome = await command(guild.Id, ct);
        return outcome.Kind == BackfillOutcomeKind.Ok ? Results.Ok(await AnswerAsync(guild.Id, backfill, ct)) : Problem(outcome, guild);
    }

    private static async Task<BackfillAnswer> AnswerAsync(ulong guildId, BackfillService backfill, CancellationToken ct) =>
        new(backfill.IsAvailable, backfill.AllowedDepths, await backfill.GetStatusAsync(guildId, ct));

    private static async Task<(int Days, IReadOnlyList<ulong>? ChannelIds, IResult? Problem)> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
        }
        catch (JsonException)
        {
            return (0, null, ApiProblems.BadParameter("body", "The body must be JSON: { \"days\": 7|14|30|90, \"channelIds\": [\"...\"] }."));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (0, null, ApiProblems.BadParameter("body", "The body must be a JSON object."));
            }

            if (!root.TryGetProperty("days", out var daysElement) || daysElement.ValueKind != JsonValueKind.Number || !daysElement.TryGetInt32(out var days))
            {
                return (0, null, ApiProblems.BadParameter("days", "days must be a whole number of days: 7, 14, 30 or 90."));
            }

            if (!root.TryGetProperty("channelIds", out var idsElement) || idsElement.ValueKind == JsonValueKind.Null)
            {
                return (days, null, null);
            }

            if (idsElement.ValueKind != JsonValueKind.Array)
            {
                return (0, null, ApiProblems.BadParameter("channelIds", "channelIds must be an array of channel ids (strings)."));
            }

            var ids = new List<ulong>();
            foreach (var item in idsElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String || Snowflake.TryParse(Text(item)) is not { } channelId)
                {
                    return (0, null, ApiProblems.BadParameter("channelIds", "channelIds must be an array of channel ids (strings)."));
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

    private static IResult Problem(BackfillOutcome outcome, RequestedGuild guild) => outcome.Kind switch
    {
        BackfillOutcomeKind.BadRequest => ApiProblems.BadParameter(outcome.Parameter!, outcome.Reason!),
        BackfillOutcomeKind.NotFound => ApiProblems.GuildNotFound(guild.RouteText),
        _ => ApiProblems.Conflict("Backfill not possible now", outcome.Reason),
    };
}
