using System.Globalization;
using System.Text.Json;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Loops.Alerts;
using DiscordAnalytics.Web.Api.Guilds;

namespace DiscordAnalytics.Web.Api;

/// <summary>
/// The alerts of a guild (docs/api.md, docs/loops.md): <c>GET/PUT /api/guilds/{id}/alerts</c> (the settings),
/// <c>POST .../alerts/preview</c> (what would fire now, changes nothing) and <c>GET .../alerts/history</c> (every alert
/// recorded, newest first, paged). A bad PUT is a 400 naming the field, and nothing is changed.
/// </summary>
public static class AlertsApi
{
    private const string BodyShape = "The body must be a JSON object of alert settings: { \"enabled\": false, \"channelId\": null, ... }.";

    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        var routes = app.MapGuildRoutes();

        routes.MapGet("/alerts", async (RequestedGuild guild, AlertSettingsStore settings, CancellationToken ct) =>
            await settings.GetAsync(guild.StoreId, ct) is { } view ? Answer(guild.Text, view) : ApiProblems.GuildNotFound(guild.RouteText));

        routes.MapPut("/alerts", async (RequestedGuild guild, HttpRequest request, AlertSettingsStore settings, CancellationToken ct) =>
        {
            var (input, problem) = await ReadAsync(request, guild.StoreId, ct);
            if (problem is not null)
            {
                return ApiProblems.BadParameter(problem.Field, problem.Reason);
            }

            return await settings.SetAsync(guild.StoreId, input!, ct) switch
            {
                AlertSettingsUpdate.GuildNotFound => ApiProblems.GuildNotFound(guild.RouteText),
                AlertSettingsUpdate.UnknownChannel => ApiProblems.BadParameter("channelId", "channelId is not a channel of this server."),
                _ => Answer(guild.Text, (await settings.GetAsync(guild.StoreId, ct))!),
            };
        });

        routes.MapPost("/alerts/preview", async (RequestedGuild guild, AlertPreviewer previewer, CancellationToken ct) =>
            await previewer.PreviewAsync(guild.StoreId, ct) is { } preview
                ? Results.Ok(new { guildId = guild.Text, preview.Enabled, preview.QuietNow, preview.Waiting, preview.Alerts })
                : ApiProblems.GuildNotFound(guild.RouteText));

        routes.MapGet("/alerts/history", async (RequestedGuild guild, string? page, string? pageSize, AlertHistoryLog history, CancellationToken ct) =>
        {
            if (!TryWhole(page, 1, 1, int.MaxValue, out var number))
            {
                return ApiProblems.BadParameter("page", "page must be a whole number from 1.");
            }

            if (!TryWhole(pageSize, AlertHistoryLog.DefaultPageSize, 1, AlertHistoryLog.MaxPageSize, out var size))
            {
                return ApiProblems.BadParameter("pageSize", $"pageSize must be a whole number from 1 to {AlertHistoryLog.MaxPageSize}.");
            }

            return await history.ReadAsync(guild.StoreId, number, size, ct) is { } read
                ? Results.Ok(new { guildId = guild.Text, read.Total, read.Page, read.PageSize, read.Entries })
                : ApiProblems.GuildNotFound(guild.RouteText);
        });

        return app;
    }

    private static bool TryWhole(string? text, int fallback, int min, int max, out int value)
    {
        value = fallback;
        return text is null || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max);
    }

    /// <summary>The settings in the body (fields left out take their defaults, switches off), or the first field at fault.</summary>
    private static async Task<(AlertSettingsInput? Input, AlertProblem? Problem)> ReadAsync(HttpRequest request, long guildId, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
        }
        catch (JsonException)
        {
            return (null, new AlertProblem("body", BodyShape));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, new AlertProblem("body", BodyShape));
            }

            var problems = new List<AlertProblem>();
            var enabled = Switch(root, "enabled", problems, required: true);
            var channel = Id(root, "channelId", "channelId must be the Discord id of a channel of this server, or null.", problems);
            var role = Id(root, "mentionRoleId", "mentionRoleId must be the Discord id of a role of this server (not @everyone), or null.", problems);
            var unanswered = Switch(root, "unansweredEnabled", problems);
            var hours = Whole(root, "unansweredHours", AlertsValidation.DefaultUnansweredHours, $"unansweredHours must be a whole number from 1 to {AlertsValidation.MaxUnansweredHours}.", problems);
            var backlog = Switch(root, "backlogEnabled", problems);
            var threshold = Whole(root, "backlogThreshold", AlertsValidation.DefaultBacklogThreshold, $"backlogThreshold must be a whole number from 1 to {AlertsValidation.MaxBacklogThreshold}.", problems);
            var drop = Switch(root, "dropEnabled", problems);
            var percent = Whole(root, "dropPercent", AlertsValidation.DefaultDropPercent, "dropPercent must be a whole number from 1 to 100.", problems);
            var days = Whole(root, "dropDays", AlertsValidation.DefaultDropDays, "dropDays must be 1 or 7.", problems);
            var quietStart = Hour(root, "quietStartHour", problems);
            var quietEnd = Hour(root, "quietEndHour", problems);
            if (problems.Count > 0)
            {
                return (null, problems[0]);
            }

            var input = new AlertSettingsInput(enabled, channel, role, unanswered, hours, backlog, threshold, drop, percent, days, quietStart, quietEnd);
            return AlertsValidation.Check(guildId, input) is { } invalid ? (null, invalid) : (input, null);
        }
    }

    private static bool Switch(JsonElement root, string name, List<AlertProblem> problems, bool required = false)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            if (required)
            {
                problems.Add(new AlertProblem(name, $"{name} must be true or false."));
            }

            return false;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            problems.Add(new AlertProblem(name, $"{name} must be true or false."));
            return false;
        }

        return value.GetBoolean();
    }

    private static int Whole(JsonElement root, string name, int fallback, string reason, List<AlertProblem> problems)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            return fallback;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            problems.Add(new AlertProblem(name, reason));
            return fallback;
        }

        return number;
    }

    private static int? Hour(JsonElement root, string name, List<AlertProblem> problems)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var hour))
        {
            problems.Add(new AlertProblem(name, $"{name} must be an hour from 0 to 23, or null."));
            return null;
        }

        return hour;
    }

    /// <summary>A Discord id sent as a string or a number, or null; anything else (or one beyond a signed 64-bit store id) is a problem.</summary>
    private static long? Id(JsonElement root, string name, string reason, List<AlertProblem> problems)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        if (Snowflake.TryParse(text) is { } id && id <= long.MaxValue)
        {
            return (long)id;
        }

        problems.Add(new AlertProblem(name, reason));
        return null;
    }

    private static IResult Answer(string guildId, AlertSettingsView view) => Results.Ok(new
    {
        guildId,
        view.Enabled,
        view.ChannelId,
        view.MentionRoleId,
        view.UnansweredEnabled,
        view.UnansweredHours,
        view.BacklogEnabled,
        view.BacklogThreshold,
        view.DropEnabled,
        view.DropPercent,
        view.DropDays,
        view.QuietStartHour,
        view.QuietEndHour,
        view.Status,
        view.StatusMessage,
        view.StatusAt,
    });
}
