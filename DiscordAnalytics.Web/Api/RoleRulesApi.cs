using System.Globalization;
using System.Text.Json;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Loops.ActivityRoles;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Web.Api.Guilds;

namespace DiscordAnalytics.Web.Api;

/// <summary>
/// The activity roles of a guild (docs/api.md, docs/loops.md): <c>GET/PUT /api/guilds/{id}/role-rules</c> (the switch
/// and the complete set of rules), <c>POST .../role-rules/preview</c> (who would gain and lose, changes nothing),
/// <c>POST .../role-rules/apply</c> (apply now; 409 while the switch is off) and <c>GET .../role-rules/log</c> (the
/// changes made, newest first, paged). A bad PUT is a 400 naming the field, and nothing is changed.
/// </summary>
public static class RoleRulesApi
{
    public static IEndpointRouteBuilder MapRoleRulesApi(this IEndpointRouteBuilder app)
    {
        var routes = app.MapGuildRoutes();

        routes.MapGet("/role-rules", async (RequestedGuild guild, RoleRulesSettings settings, CancellationToken ct) =>
            await settings.GetAsync(guild.StoreId, ct) is { } view ? Answer(guild.Id, view) : ApiProblems.GuildNotFound(guild.RouteText));

        routes.MapPut("/role-rules", async (RequestedGuild guild, HttpRequest request, RoleRulesSettings settings, CancellationToken ct) =>
        {
            var (body, problem) = await ReadAsync(request, guild.StoreId, ct);
            if (problem is not null)
            {
                return ApiProblems.BadParameter(problem.Field, problem.Reason);
            }

            return await settings.SetAsync(guild.StoreId, body!.Value.ActOnDiscord, body.Value.Rules, ct) switch
            {
                RoleRulesUpdate.GuildNotFound => ApiProblems.GuildNotFound(guild.RouteText),
                RoleRulesUpdate.UnknownRule => ApiProblems.BadParameter("rules", "A rule id is not a rule of this server: GET the rules again and send their ids."),
                _ => Answer(guild.Id, (await settings.GetAsync(guild.StoreId, ct))!),
            };
        });

        routes.MapPost("/role-rules/preview", async (RequestedGuild guild, RoleRulePreviewer previewer, CancellationToken ct) =>
            await previewer.PreviewAsync(guild.StoreId, ct) is { } rules
                ? Results.Ok(new { guildId = guild.Text, rules })
                : ApiProblems.GuildNotFound(guild.RouteText));

        routes.MapPost("/role-rules/apply", async (RequestedGuild guild, RoleRuleApplier applier, CancellationToken ct) =>
        {
            var result = await applier.ApplyAsync(guild.StoreId, ct);
            return result.State switch
            {
                RoleRulesApplyState.GuildNotFound => ApiProblems.GuildNotFound(guild.RouteText),
                RoleRulesApplyState.SwitchedOff => ApiProblems.Conflict("Act on Discord is off", "Switch \"act on Discord\" on for this server (PUT role-rules with actOnDiscord: true) to apply its rules."),
                RoleRulesApplyState.NoDiscord => ApiProblems.Conflict("No Discord connection", "Set Discord:Token to connect a bot; without one there is nobody to give roles to."),
                _ => Results.Ok(new { guildId = guild.Text, state = result.State.ToString().ToLowerInvariant(), rules = result.Rules }),
            };
        });

        routes.MapGet("/role-rules/log", async (RequestedGuild guild, string? page, string? pageSize, RoleChangeLog log, CancellationToken ct) =>
        {
            if (!TryWhole(page, 1, 1, int.MaxValue, out var number))
            {
                return ApiProblems.BadParameter("page", "page must be a whole number from 1.");
            }

            if (!TryWhole(pageSize, RoleChangeLog.DefaultPageSize, 1, RoleChangeLog.MaxPageSize, out var size))
            {
                return ApiProblems.BadParameter("pageSize", $"pageSize must be a whole number from 1 to {RoleChangeLog.MaxPageSize}.");
            }

            return await log.ReadAsync(guild.StoreId, number, size, ct) is { } read
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

    /// <summary>The body <c>{ actOnDiscord, rules: [{ id?, kind, threshold, days, roleId, enabled }] }</c>, or the first field at fault.</summary>
    private static async Task<((bool ActOnDiscord, List<RoleRuleInput> Rules)? Body, RoleRuleProblem? Problem)> ReadAsync(HttpRequest request, long guildId, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
        }
        catch (JsonException)
        {
            return (null, new RoleRuleProblem("body", "The body must be JSON { \"actOnDiscord\": false, \"rules\": [...] }."));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, new RoleRuleProblem("body", "The body must be JSON { \"actOnDiscord\": false, \"rules\": [...] }."));
            }

            if (!root.TryGetProperty("actOnDiscord", out var act) || act.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return (null, new RoleRuleProblem("actOnDiscord", "actOnDiscord must be true or false."));
            }

            if (!root.TryGetProperty("rules", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                return (null, new RoleRuleProblem("rules", "rules must be an array of rules (empty for none)."));
            }

            var rules = new List<RoleRuleInput>();
            var i = 0;
            foreach (var item in list.EnumerateArray())
            {
                var (rule, problem) = ReadRule(item, $"rules[{i++}]");
                if (problem is not null)
                {
                    return (null, problem);
                }

                rules.Add(rule!);
            }

            if (RoleRulesValidation.Check(guildId, rules) is { } invalid)
            {
                return (null, invalid);
            }

            return ((act.GetBoolean(), rules), null);
        }
    }

    private static (RoleRuleInput? Rule, RoleRuleProblem? Problem) ReadRule(JsonElement item, string at)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return (null, new RoleRuleProblem(at, "Each rule must be an object."));
        }

        long? id = null;
        if (item.TryGetProperty("id", out var idValue) && idValue.ValueKind != JsonValueKind.Null)
        {
            if (Id(idValue) is not { } parsed)
            {
                return (null, new RoleRuleProblem($"{at}.id", "id must be the id of a stored rule, or left out for a new rule."));
            }

            id = parsed;
        }

        if (!item.TryGetProperty("kind", out var kindValue) || kindValue.ValueKind != JsonValueKind.String
            || !StoredNames<RoleRuleKind>.TryParse(kindValue.GetString(), out var kind))
        {
            return (null, new RoleRuleProblem($"{at}.kind", $"kind must be {RoleRulesValidation.KindWords}."));
        }

        if (!item.TryGetProperty("threshold", out var thresholdValue) || !thresholdValue.TryGetInt64(out var threshold) || thresholdValue.ValueKind != JsonValueKind.Number)
        {
            return (null, new RoleRuleProblem($"{at}.threshold", RoleRulesValidation.ThresholdProblem(kind, 0)!));
        }

        if (!item.TryGetProperty("days", out var daysValue) || daysValue.ValueKind != JsonValueKind.Number || !daysValue.TryGetInt32(out var days))
        {
            return (null, new RoleRuleProblem($"{at}.days", $"days must be a whole number from 1 to {RoleRulesValidation.MaxDays}."));
        }

        if (!item.TryGetProperty("roleId", out var roleValue) || Id(roleValue) is not { } roleId)
        {
            return (null, new RoleRuleProblem($"{at}.roleId", "roleId must be the Discord id of a role of this server (not @everyone)."));
        }

        var enabled = true;
        if (item.TryGetProperty("enabled", out var enabledValue))
        {
            if (enabledValue.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return (null, new RoleRuleProblem($"{at}.enabled", "enabled must be true or false."));
            }

            enabled = enabledValue.GetBoolean();
        }

        return (new RoleRuleInput(id, kind, threshold, days, roleId, enabled), null);
    }

    /// <summary>A Discord id sent as a string or a number; null for anything else (or one beyond a signed 64-bit store id).</summary>
    private static long? Id(JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return Snowflake.TryParse(text) is { } id && id <= long.MaxValue ? (long)id : null;
    }

    private static IResult Answer(ulong guildId, RoleRulesView view) => Results.Ok(new
    {
        guildId = guildId.ToString(CultureInfo.InvariantCulture),
        view.ActOnDiscord,
        view.Rules,
    });
}
