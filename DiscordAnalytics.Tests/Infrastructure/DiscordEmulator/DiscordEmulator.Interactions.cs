using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace DiscordAnalytics.Tests.Infrastructure.DiscordEmulator;

/// <summary>
/// Slash commands: <c>PUT /applications/{app}/guilds/{g}/commands</c> (bulk overwrite: answers the commands with ids),
/// <c>POST /interactions/{id}/{token}/callback</c> (204; a second callback for one interaction is a 400 "already
/// acknowledged", 40060, as on Discord; an unknown interaction is a 404 Unknown Interaction, 10062) and <c>PATCH
/// /webhooks/{app}/{token}/messages/@original</c> (200; 404 Unknown Webhook, 10015, before a callback), each recorded in
/// <see cref="InteractionCalls"/>. <see cref="DispatchInteractionAsync"/> sends an INTERACTION_CREATE shaped like
/// Discord's (type 2, a guild member calling a chat input command).
/// </summary>
public sealed partial class DiscordEmulator
{
    private readonly List<InteractionCall> _interactionCalls = [];
    private readonly Dictionary<string, string> _interactionTokens = new(StringComparer.Ordinal);
    private readonly HashSet<string> _acknowledged = new(StringComparer.Ordinal);
    private long _nextInteractionId = 1_400_000_000_000_000_000;
    private TaskCompletionSource? _callbackGate;

    /// <summary>Holds every interaction callback (no answer yet) until <see cref="ReleaseCallbacks"/>: an answer that takes its time.</summary>
    public void HoldCallbacks()
    {
        lock (_gate)
        {
            _callbackGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void ReleaseCallbacks()
    {
        lock (_gate)
        {
            _callbackGate?.TrySetResult();
            _callbackGate = null;
        }
    }

    /// <summary>Interaction callbacks that arrived and wait for <see cref="ReleaseCallbacks"/>.</summary>
    public int HeldCallbacks => Volatile.Read(ref _heldCallbacks);

    private int _heldCallbacks;

    /// <summary>Every slash command request, in arrival order.</summary>
    public IReadOnlyList<InteractionCall> InteractionCalls
    {
        get
        {
            lock (_gate)
            {
                return _interactionCalls.ToList();
            }
        }
    }

    /// <summary>The commands overwrites of <paramref name="guildId"/>, in order.</summary>
    public IReadOnlyList<InteractionCall> CommandRegistrations(string guildId) =>
        InteractionCalls.Where(c => c.Kind == "register" && c.GuildOrToken == guildId).ToList();

    /// <summary>The callback and the edit (if any) sent for the interaction with <paramref name="token"/>.</summary>
    public IReadOnlyList<InteractionCall> AnswersTo(string interactionId, string token) =>
        InteractionCalls.Where(c => (c.Kind == "callback" && c.ApplicationOrInteractionId == interactionId) || (c.Kind == "edit" && c.GuildOrToken == token)).ToList();

    /// <summary>
    /// Dispatches INTERACTION_CREATE: <paramref name="userId"/> calls <c>/<paramref name="command"/></c> in a channel of
    /// <paramref name="guildId"/>. Returns the interaction's id and token (the token is what its answers are sent with).
    /// </summary>
    public async Task<(string Id, string Token)> DispatchInteractionAsync(string guildId, string userId, string command, string channelId = "849255963033600101")
    {
        var id = Interlocked.Increment(ref _nextInteractionId).ToString(CultureInfo.InvariantCulture);
        var token = $"aW50ZXJhY3Rpb246{id}:interaction-token-never-log";
        lock (_gate)
        {
            _interactionTokens[id] = token;
        }

        var data = new JsonObject
        {
            ["id"] = id,
            ["application_id"] = BotUserId,
            ["type"] = 2,
            ["data"] = new JsonObject { ["id"] = "1500000000000000001", ["name"] = command, ["type"] = 1 },
            ["guild_id"] = guildId,
            ["channel_id"] = channelId,
            ["member"] = new JsonObject
            {
                ["user"] = new JsonObject { ["id"] = userId, ["username"] = $"member-{userId}", ["discriminator"] = "0", ["global_name"] = null },
                ["roles"] = new JsonArray(),
                ["joined_at"] = "2026-01-01T00:00:00.000000+00:00",
                ["permissions"] = "2248473465835073",
                ["deaf"] = false,
                ["mute"] = false,
                ["flags"] = 0,
            },
            ["token"] = token,
            ["version"] = 1,
            ["app_permissions"] = "2248473465835073",
            ["locale"] = "en-US",
            ["guild_locale"] = "en-US",
            ["entitlements"] = new JsonArray(),
            ["authorizing_integration_owners"] = new JsonObject { ["0"] = guildId },
            ["context"] = 0,
        };
        await DispatchAsync("INTERACTION_CREATE", data.ToJsonString());
        return (id, token);
    }

    /// <summary>Answers a slash command route; null when <paramref name="path"/> is none.</summary>
    private async Task<int?> AnswerInteractionsAsync(HttpContext context, string path)
    {
        var request = context.Request;
        if (CommandsPath().Match(path) is { Success: true } commands && HttpMethods.IsPut(request.Method))
        {
            var body = await ReadBodyAsync(request);
            var status = body is JsonArray ? 200 : 400;
            if (body is JsonArray list)
            {
                var i = 0;
                var answered = new JsonArray([.. list.Select(c => (JsonNode?)new JsonObject
                {
                    ["id"] = $"15000000000000000{i++:00}",
                    ["application_id"] = commands.Groups[1].Value,
                    ["guild_id"] = commands.Groups[2].Value,
                    ["name"] = c?["name"]?.DeepClone(),
                    ["description"] = c?["description"]?.DeepClone(),
                    ["type"] = 1,
                    ["version"] = "1",
                })]);
                Record(new InteractionCall("register", commands.Groups[1].Value, commands.Groups[2].Value, body, status));
                return await WriteAsync(context.Response, 200, answered.ToJsonString());
            }

            Record(new InteractionCall("register", commands.Groups[1].Value, commands.Groups[2].Value, body, status));
            return await WriteAsync(context.Response, 400, """{"message":"Invalid Form Body","code":50035}""");
        }

        if (CallbackPath().Match(path) is { Success: true } callback && HttpMethods.IsPost(request.Method))
        {
            var (id, token) = (callback.Groups[1].Value, Uri.UnescapeDataString(callback.Groups[2].Value));
            var body = await ReadBodyAsync(request);
            Task? held;
            lock (_gate)
            {
                held = _callbackGate?.Task;
            }

            if (held is not null)
            {
                Interlocked.Increment(ref _heldCallbacks);
                await held;
                Interlocked.Decrement(ref _heldCallbacks);
            }

            int status;
            lock (_gate)
            {
                status = !_interactionTokens.TryGetValue(id, out var known) || known != token ? 404 : _acknowledged.Add(token) ? 204 : 400;
            }

            Record(new InteractionCall("callback", id, token, body, status));
            return status switch
            {
                204 => NoContent(context.Response),
                404 => await WriteAsync(context.Response, 404, """{"message":"Unknown interaction","code":10062}"""),
                _ => await WriteAsync(context.Response, 400, """{"message":"Interaction has already been acknowledged.","code":40060}"""),
            };
        }

        if (OriginalPath().Match(path) is { Success: true } edit && HttpMethods.IsPatch(request.Method))
        {
            var token = Uri.UnescapeDataString(edit.Groups[2].Value);
            var body = await ReadBodyAsync(request);
            bool acknowledged;
            lock (_gate)
            {
                acknowledged = _acknowledged.Contains(token);
            }

            Record(new InteractionCall("edit", edit.Groups[1].Value, token, body, acknowledged ? 200 : 404));
            if (!acknowledged)
            {
                return await WriteAsync(context.Response, 404, """{"message":"Unknown Webhook","code":10015}""");
            }

            var message = new JsonObject { ["id"] = Interlocked.Increment(ref _nextMessageId).ToString(CultureInfo.InvariantCulture), ["content"] = body?["content"]?.DeepClone(), ["webhook_id"] = edit.Groups[1].Value };
            return await WriteAsync(context.Response, 200, message.ToJsonString());
        }

        return null;
    }

    private void Record(InteractionCall call)
    {
        lock (_gate)
        {
            _interactionCalls.Add(call);
        }
    }

    private static int NoContent(HttpResponse response)
    {
        response.StatusCode = 204;
        return 204;
    }

    private static async Task<JsonNode?> ReadBodyAsync(HttpRequest request)
    {
        try
        {
            return JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync());
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex("^/applications/(\\d+)/guilds/(\\d+)/commands$")]
    private static partial Regex CommandsPath();

    [GeneratedRegex("^/interactions/(\\d+)/([^/]+)/callback$")]
    private static partial Regex CallbackPath();

    [GeneratedRegex("^/webhooks/(\\d+)/([^/]+)/messages/@original$")]
    private static partial Regex OriginalPath();
}
