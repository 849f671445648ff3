using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DiscordAnalytics.Core.Discord;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DiscordAnalytics.Tests.Infrastructure.DiscordEmulator;

/// <summary>The REST half of the emulator: /gateway/bot, /users/@me, /applications/@me, guild channels, active threads and members (history routes: DiscordEmulator.History.cs; message posting: DiscordEmulator.Messages.cs).</summary>
public sealed partial class DiscordEmulator
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ScriptedRestResponse>> _scripted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Remaining, DateTimeOffset ResetAt)> _buckets = new(StringComparer.Ordinal);
    private readonly List<RestRequest> _restRequests = [];
    private int _unexpectedRateLimits;

    /// <summary>When set, requests without <c>Authorization: Bot &lt;token&gt;</c> get 401.</summary>
    public string? ExpectedToken { get; set; }

    /// <summary>Requests per bucket window the emulator allows (per route and top-level resource). Default 5.</summary>
    public int RouteLimit { get; set; } = 5;

    /// <summary>The bucket window (X-RateLimit-Reset-After). Default 1 s.</summary>
    public TimeSpan RouteResetAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Flags of <c>GET /applications/@me</c> and READY (privileged intents granted). Default: both, "limited".</summary>
    public ApplicationFlags ApplicationFlags { get; set; } = ApplicationFlags.GatewayGuildMembersLimited | ApplicationFlags.GatewayMessageContentLimited;

    /// <summary>Whether <c>GET /gateway/bot</c> answers (false: 503, so the client falls back to its configured URL).</summary>
    public bool GatewayBotAvailable { get; set; } = true;

    /// <summary>429s the emulator had to send because the client ignored its bucket headers (should stay 0).</summary>
    public int UnexpectedRateLimits => Volatile.Read(ref _unexpectedRateLimits);

    public IReadOnlyList<RestRequest> RestRequests
    {
        get
        {
            lock (_gate)
            {
                return _restRequests.ToList();
            }
        }
    }

    /// <summary>Queues a response for the next request to <paramref name="path"/> (relative to the API base, e.g. <c>/users/@me</c>).</summary>
    public void EnqueueRestResponse(string path, int status, string body, IReadOnlyDictionary<string, string>? headers = null) =>
        _scripted.GetOrAdd(path, _ => new ConcurrentQueue<ScriptedRestResponse>()).Enqueue(new ScriptedRestResponse(status, body, headers ?? new Dictionary<string, string>()));

    /// <summary>Queues a 429 shaped like Discord's: a global one has no bucket headers, a per-route one does.</summary>
    public void EnqueueRateLimited(string path, double retryAfterSeconds, bool global)
    {
        var retry = retryAfterSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        var headers = global
            ? new Dictionary<string, string> { ["Retry-After"] = Math.Ceiling(retryAfterSeconds).ToString(CultureInfo.InvariantCulture), ["X-RateLimit-Global"] = "true", ["X-RateLimit-Scope"] = "global" }
            : new Dictionary<string, string>
            {
                ["Retry-After"] = Math.Ceiling(retryAfterSeconds).ToString(CultureInfo.InvariantCulture),
                ["X-RateLimit-Limit"] = "10",
                ["X-RateLimit-Remaining"] = "0",
                ["X-RateLimit-Reset-After"] = retry,
                ["X-RateLimit-Bucket"] = "scripted",
                ["X-RateLimit-Scope"] = "user",
            };
        var body = $$"""{"message":"You are being rate limited.","retry_after":{{retry}},"global":{{(global ? "true" : "false")}}}""";
        EnqueueRestResponse(path, 429, body, headers);
    }

    public void EnqueueServerError(string path, int status = 502) => EnqueueRestResponse(path, status, """{"message":"Bad Gateway","code":0}""");

    private void MapRest(WebApplication app) => app.Map("/api/v10/{**path}", AnswerRestAsync);

    private async Task AnswerRestAsync(HttpContext context)
    {
        var path = "/" + (context.Request.RouteValues["path"] as string ?? string.Empty);
        var authorization = context.Request.Headers.Authorization.ToString();
        var status = await AnswerAsync(context, path, authorization);
        lock (_gate)
        {
            _restRequests.Add(new RestRequest(context.Request.Method, path, authorization, context.Request.Headers.UserAgent.ToString(), status, DateTimeOffset.UtcNow, context.Request.QueryString.Value));
        }
    }

    private async Task<int> AnswerAsync(HttpContext context, string path, string authorization)
    {
        var response = context.Response;
        if (await AnswerFaultAsync(context) is { } faulted)
        {
            return faulted;
        }

        if (ExpectedToken is not null && authorization != $"Bot {ExpectedToken}")
        {
            return await WriteAsync(response, 401, """{"message":"401: Unauthorized","code":0}""");
        }

        if (_scripted.TryGetValue(path, out var queue) && queue.TryDequeue(out var scripted))
        {
            foreach (var (name, value) in scripted.Headers)
            {
                response.Headers[name] = value;
            }

            return await WriteAsync(response, scripted.Status, scripted.Body);
        }

        var (template, major) = RouteOf(path);
        if (!TakeFromBucket(template, major, response))
        {
            Interlocked.Increment(ref _unexpectedRateLimits);
            return await WriteAsync(response, 429, """{"message":"You are being rate limited.","retry_after":0.1,"global":false}""");
        }

        if (await AnswerMemberRolesAsync(context, path) is { } memberRoles)
        {
            return memberRoles;
        }

        if (await AnswerInteractionsAsync(context, path) is { } interaction)
        {
            return interaction;
        }

        if (IsCreateMessage(context.Request, path, out var channelId))
        {
            return await CreateMessageAsync(context, channelId);
        }

        if (IsEditMessage(context.Request, path, out var editedChannelId, out var messageId))
        {
            return await EditMessageAsync(context, editedChannelId, messageId);
        }

        return path switch
        {
            "/gateway/bot" when GatewayBotAvailable => await WriteAsync(response, 200, $$$"""{"url":"{{{GatewayUrl}}}","shards":1,"session_start_limit":{"total":1000,"remaining":999,"reset_after":14400000,"max_concurrency":1}}"""),
            "/gateway/bot" => await WriteAsync(response, 503, """{"message":"unavailable"}"""),
            "/users/@me" => await WriteAsync(response, 200, $$"""{"id":"{{BotUserId}}","username":"pulse-analytics","discriminator":"7314","global_name":null,"bot":true}"""),
            "/applications/@me" => await WriteAsync(response, 200, $$"""{"id":"{{BotUserId}}","name":"pulse-analytics","flags":{{(long)ApplicationFlags}}}"""),
            _ when template == "/guilds/{id}/channels" && History.IsConfigured => await WriteAsync(response, 200, History.ChannelsJson(major!)),
            _ when template == "/guilds/{id}/channels" => await WriteAsync(response, 200, GuildChannelsJson(major!)),
            _ when template == "/guilds/{id}/threads/active" && History.IsConfigured => await WriteAsync(response, 200, History.ActiveThreadsJson()),
            _ when template == "/guilds/{id}/threads/active" => await WriteAsync(response, 200, DiscordFixtures.Read("rest/list_active_guild_threads.json")),
            _ when template == "/guilds/{id}/invites" => await AnswerInvitesAsync(response, major!),
            _ when template == "/guilds/{id}/vanity-url" => await AnswerVanityAsync(response),
            _ when template == "/guilds/{id}/members" && MembersForbidden => await WriteAsync(response, 403, """{"message":"Missing Access","code":50001}"""),
            _ when template == "/guilds/{id}/members" => await WriteAsync(response, 200, History.MembersJson(
                ulong.TryParse(context.Request.Query["after"], NumberStyles.None, CultureInfo.InvariantCulture, out var after) ? after : null,
                int.TryParse(context.Request.Query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var limit) ? Math.Clamp(limit, 1, 1000) : 1)),
            _ when template.StartsWith("/channels/", StringComparison.Ordinal) => await AnswerChannelAsync(context, path),
            _ => await WriteAsync(response, 404, """{"message":"Unknown route","code":0}"""),
        };
    }

    private bool TakeFromBucket(string template, string? major, HttpResponse response)
    {
        var key = $"{template}:{major}";
        var now = DateTimeOffset.UtcNow;
        int remaining;
        DateTimeOffset resetAt;
        lock (_gate)
        {
            if (!_buckets.TryGetValue(key, out var bucket) || bucket.ResetAt <= now)
            {
                bucket = (RouteLimit, now + RouteResetAfter);
            }

            if (bucket.Remaining <= 0)
            {
                remaining = 0;
                resetAt = bucket.ResetAt;
                _buckets[key] = bucket;
                SetBucketHeaders(response, template, remaining, resetAt - now);
                return false;
            }

            bucket.Remaining--;
            _buckets[key] = bucket;
            remaining = bucket.Remaining;
            resetAt = bucket.ResetAt;
        }

        SetBucketHeaders(response, template, remaining, resetAt - now);
        return true;
    }

    private void SetBucketHeaders(HttpResponse response, string template, int remaining, TimeSpan resetAfter)
    {
        response.Headers["X-RateLimit-Limit"] = RouteLimit.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Reset-After"] = (Math.Ceiling(Math.Max(0, resetAfter.TotalMilliseconds)) / 1000).ToString("0.000", CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Bucket"] = $"bucket-{(uint)StringComparer.Ordinal.GetHashCode(template):x8}";
    }

    private static (string Template, string? Major) RouteOf(string path)
    {
        if (ChannelRouteOf(path) is { } channelRoute)
        {
            return channelRoute;
        }

        var match = Regex.Match(path, "^/guilds/(\\d+)(/.*)$");
        return match.Success ? ($"/guilds/{{id}}{match.Groups[2].Value}", match.Groups[1].Value) : (path, null);
    }

    private static string GuildChannelsJson(string guildId)
    {
        var channels = JsonNode.Parse(DiscordFixtures.DataJson("12_guild_create.json"))!["channels"]!.AsArray();
        foreach (var channel in channels)
        {
            channel!["guild_id"] = guildId;
        }

        return channels.ToJsonString();
    }

    private static async Task<int> WriteAsync(HttpResponse response, int status, string body)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        await response.WriteAsync(body);
        return status;
    }
}
