using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Core.Discord.Rest;

/// <summary>
/// Discord REST v10 with <c>Authorization: Bot &lt;token&gt;</c>, per-route buckets, the global limit,
/// 429 handling (<c>retry_after</c>, per-route and global, clamped to <see cref="DiscordRestOptions.MaxRetryAfter"/>),
/// backoff on 5xx, and a full stop after a 401. Keeps <see cref="DiscordRestHealth"/> current, so the owner sees
/// "Discord REST not answering" instead of a stopped app. New endpoints (backfill paging) are one <see cref="DiscordRoute"/> plus a call to <see cref="SendJsonAsync"/>.
/// </summary>
public sealed partial class DiscordRestClient
{
    private readonly HttpClient _http;
    private readonly IOptions<DiscordOptions> _options;
    private readonly DiscordRestOptions _restOptions;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<DiscordRestClient> _logger;
    private readonly RestRateLimiter _limiter;
    private readonly DiscordRestHealth _health;
    private volatile bool _unauthorized;

    public DiscordRestClient(
        HttpClient http,
        IOptions<DiscordOptions> options,
        TimeProvider timeProvider,
        ILogger<DiscordRestClient> logger,
        DiscordRestOptions? restOptions = null,
        DiscordRestHealth? health = null)
    {
        _health = health ?? new DiscordRestHealth();
        _http = http;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _restOptions = restOptions ?? new DiscordRestOptions();
        _limiter = new RestRateLimiter(timeProvider, _restOptions.GlobalRequestsPerSecond, _restOptions.MaxRetryAfter);
    }

    /// <summary>How Discord's REST API answered the last request.</summary>
    public DiscordRestHealth Health => _health;

    /// <summary>True after Discord answered 401; every later call fails at once without a request.</summary>
    public bool IsUnauthorized => _unauthorized;

    /// <summary><c>GET /gateway/bot</c>.</summary>
    public async Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken)
    {
        using var document = await SendJsonAsync(DiscordRoute.Get("/gateway/bot", "/gateway/bot"), cancellationToken).ConfigureAwait(false);
        var root = document.RootElement;
        var url = Json.String(root, "url");
        if (string.IsNullOrWhiteSpace(url))
        {
            throw new DiscordRestException("GET /gateway/bot answered without a url.");
        }

        int? remaining = Json.Object(root, "session_start_limit") is { } limit ? Json.Int(limit, "remaining") : null;
        return new GatewayBotInfo(url, Json.Int(root, "shards") ?? 1, remaining);
    }

    /// <summary><c>GET /users/@me</c>.</summary>
    public async Task<DiscordCurrentUser> GetCurrentUserAsync(CancellationToken cancellationToken)
    {
        using var document = await SendJsonAsync(DiscordRoute.Get("/users/@me", "/users/@me"), cancellationToken).ConfigureAwait(false);
        var root = document.RootElement;
        return new DiscordCurrentUser(Json.Snowflake(root, "id") ?? 0, Json.String(root, "username") ?? string.Empty, Json.Bool(root, "bot") ?? false);
    }

    /// <summary><c>GET /applications/@me</c> flags (which privileged intents the portal grants).</summary>
    public async Task<ApplicationFlags?> GetCurrentApplicationFlagsAsync(CancellationToken cancellationToken)
    {
        using var document = await SendJsonAsync(DiscordRoute.Get("/applications/@me", "/applications/@me"), cancellationToken).ConfigureAwait(false);
        return Json.Property(document.RootElement, "flags") is { ValueKind: JsonValueKind.Number } flags && flags.TryGetInt64(out var value) ? (ApplicationFlags)value : null;
    }

    /// <summary><c>GET /guilds/{id}/channels</c>: channel objects (no threads), detached from the response.</summary>
    public async Task<IReadOnlyList<JsonElement>> GetGuildChannelsAsync(ulong guildId, CancellationToken cancellationToken)
    {
        var id = guildId.ToString(CultureInfo.InvariantCulture);
        using var document = await SendJsonAsync(DiscordRoute.Get("/guilds/{guild_id}/channels", $"/guilds/{id}/channels", guildId), cancellationToken).ConfigureAwait(false);
        return Json.ArrayItems(document.RootElement);
    }

    /// <summary><c>GET /guilds/{id}/threads/active</c>: the active thread objects, detached from the response.</summary>
    public async Task<IReadOnlyList<JsonElement>> GetActiveThreadsAsync(ulong guildId, CancellationToken cancellationToken)
    {
        var id = guildId.ToString(CultureInfo.InvariantCulture);
        using var document = await SendJsonAsync(DiscordRoute.Get("/guilds/{guild_id}/threads/active", $"/guilds/{id}/threads/active", guildId), cancellationToken).ConfigureAwait(false);
        return Json.Property(document.RootElement, "threads") is { } threads ? Json.ArrayItems(threads) : [];
    }

    /// <summary>
    /// Sends <paramref name="route"/> within the rate limits and returns the JSON body of a 2xx answer.
    /// Retries 429s (after <c>retry_after</c>) and 5xx answers (with backoff) up to
    /// <see cref="DiscordRestOptions.MaxAttempts"/>; throws <see cref="DiscordUnauthorizedException"/> on 401
    /// and <see cref="DiscordRestException"/> on any other failure: no answer within the HTTP timeout, an answer
    /// that is not JSON, a 429 asking for more than <see cref="DiscordRestOptions.MaxRetryAfter"/> (not retried:
    /// the route, or everything for a global one, waits the clamped time). A refused connection stays an
    /// <see cref="HttpRequestException"/>.
    /// </summary>
    public async Task<JsonDocument> SendJsonAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (_unauthorized)
            {
                throw new DiscordUnauthorizedException();
            }

            TimeSpan? wait = null;
            var bucket = await _limiter.AcquireAsync(route, cancellationToken).ConfigureAwait(false);
            try
            {
                using var request = CreateRequest(route);
                using var response = await SendAsync(request, route, cancellationToken).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    _limiter.Update(route, bucket, response.Headers);
                    // 204 (a role added or removed) has no body to read.
                    var document = response.StatusCode == HttpStatusCode.NoContent
                        ? JsonDocument.Parse("{}")
                        : await ReadJsonAsync(response, route, cancellationToken).ConfigureAwait(false);
                    _health.Set(DiscordRestState.Answering);
                    return document;
                }

                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    _unauthorized = true;
                    _health.Set(DiscordRestState.Rejected, "Discord rejected the bot token (401)");
                    LogUnauthorized(_logger, route.Template);
                    throw new DiscordUnauthorizedException();
                }

                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    _health.RecordRateLimited();
                    var (askedSeconds, global) = await ReadRateLimitAsync(response, cancellationToken).ConfigureAwait(false);
                    if (!global)
                    {
                        _limiter.Update(route, bucket, response.Headers);
                    }

                    var max = _restOptions.MaxRetryAfter;
                    var retryAfter = askedSeconds >= max.TotalSeconds ? max : TimeSpan.FromSeconds(askedSeconds);
                    _limiter.OnRateLimited(bucket, global, retryAfter);
                    LogRateLimited(_logger, route.Template, global, retryAfter.TotalMilliseconds, attempt);
                    if (askedSeconds > max.TotalSeconds)
                    {
                        // Discord's real waits are seconds; an hour or a trillion seconds is a broken proxy or a bug,
                        // and a client that obeys it is dead. Wait the clamp instead, and let the caller decide.
                        var asked = askedSeconds.ToString("0", CultureInfo.InvariantCulture);
                        var waiting = max.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
                        _health.Set(DiscordRestState.RateLimited, $"Discord REST rate limited: asked to wait {Shorten(asked)} s, waiting {waiting} s");
                        LogRetryAfterClamped(_logger, route.Template, askedSeconds, max.TotalSeconds);
                        throw new DiscordRestException($"Discord asked to wait {Shorten(asked)} s on {route.Template}; waiting {waiting} s before the next request.", response.StatusCode);
                    }
                }
                else if (status >= 500)
                {
                    _health.Set(DiscordRestState.Failing, string.Create(CultureInfo.InvariantCulture, $"Discord REST failing (HTTP {status})"));
                    _limiter.Update(route, bucket, response.Headers);
                    var delay = _restOptions.ServerErrorBaseDelay * Math.Pow(2, Math.Min(attempt - 1, 6));
                    LogServerError(_logger, route.Template, status, delay.TotalMilliseconds, attempt);
                    wait = delay;
                }
                else
                {
                    // A 403 or 404 is an answer about one resource; REST itself works.
                    _health.Set(DiscordRestState.Answering);
                    _limiter.Update(route, bucket, response.Headers);
                    throw new DiscordRestException($"Discord answered {status} on {route.Method.Method} {route.Template}.", response.StatusCode)
                    {
                        ErrorCode = await ReadErrorCodeAsync(response, cancellationToken).ConfigureAwait(false),
                    };
                }

                if (attempt >= _restOptions.MaxAttempts)
                {
                    throw new DiscordRestException($"Discord kept failing on {route.Method.Method} {route.Template} ({status}) after {attempt} attempts.", response.StatusCode);
                }
            }
            finally
            {
                RestRateLimiter.Release(bucket);
            }

            if (wait is { } backoff)
            {
                await Task.Delay(backoff, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Sends with the HTTP client's timeout covering the whole answer, body included (a server that sends headers and then stalls is not answering either).</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, DiscordRoute route, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The HTTP client's timeout, not the caller: Discord took the connection and never answered.
            _health.Set(DiscordRestState.NotAnswering, "Discord REST not answering");
            LogNotAnswering(_logger, route.Template);
            throw new DiscordRestException($"Discord did not answer {route.Method.Method} {route.Template} in time.", ex);
        }
        catch (HttpRequestException)
        {
            _health.Set(DiscordRestState.Unreachable, "Discord REST unreachable");
            throw;
        }
    }

    private async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, DiscordRoute route, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
        catch (JsonException ex)
        {
            // A captive portal, a misrouted proxy or an HTML error page: not Discord's JSON.
            _health.Set(DiscordRestState.Failing, "Discord REST answering with something that is not JSON");
            LogNotJson(_logger, route.Template, (int)response.StatusCode);
            throw new DiscordRestException($"Discord answered {route.Method.Method} {route.Template} with something that is not JSON.", ex);
        }
    }

    /// <summary>1e12 reads "1000000000000"; a number longer than that is not worth showing in full.</summary>
    private static string Shorten(string digits) => digits.Length > 13 ? "more than 1000000000000" : digits;

    private HttpRequestMessage CreateRequest(DiscordRoute route)
    {
        var baseUrl = _options.Value.ApiBaseUrl.TrimEnd('/');
        var request = new HttpRequestMessage(route.Method, new Uri(baseUrl + route.Path, UriKind.Absolute));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _options.Value.Token);
        request.Headers.TryAddWithoutValidation("User-Agent", _restOptions.UserAgent);
        if (route.AuditLogReason is { } reason)
        {
            request.Headers.TryAddWithoutValidation("X-Audit-Log-Reason", Uri.EscapeDataString(reason));
        }

        if (route.JsonBody is { } body)
        {
            // A fresh content per attempt: a retried request cannot reuse a sent one.
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return request;
    }

    /// <summary>Discord's error <c>code</c> in a refusal's JSON body; null when the body has none or is not JSON.</summary>
    private static async Task<int?> ReadErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object ? Json.Int(document.RootElement, "code") : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The wait a 429 asks for, in seconds (finite, not negative; 1 when it names none), and whether it is global.</summary>
    private static async Task<(double Seconds, bool Global)> ReadRateLimitAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        double? retryAfter = null;
        var global = response.Headers.TryGetValues("X-RateLimit-Global", out var g) && g.Any(v => v.Equals("true", StringComparison.OrdinalIgnoreCase))
            || (response.Headers.TryGetValues("X-RateLimit-Scope", out var scope) && scope.Any(v => v.Equals("global", StringComparison.OrdinalIgnoreCase)));
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                if (document.RootElement.TryGetProperty("retry_after", out var ra) && ra.TryGetDouble(out var seconds))
                {
                    retryAfter = seconds;
                }

                global |= Json.Bool(document.RootElement, "global") ?? false;
            }
        }
        catch (JsonException)
        {
            // Cloudflare bans answer with HTML; fall back to the header.
        }

        if (retryAfter is null && response.Headers.RetryAfter?.Delta is { } delta)
        {
            retryAfter = delta.TotalSeconds;
        }

        // JSON numbers can exceed a double (1e400 reads as infinity); TimeSpan.FromSeconds would throw on either.
        var asked = retryAfter ?? 1;
        return (double.IsNaN(asked) || asked < 0 ? 1 : double.IsPositiveInfinity(asked) ? double.MaxValue : asked, global);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord REST answered 401 on {Route}: the bot token is invalid; REST calls stop")]
    private static partial void LogUnauthorized(ILogger logger, string route);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord REST rate limited on {Route} (global {Global}); retrying after {RetryAfterMs} ms (attempt {Attempt})")]
    private static partial void LogRateLimited(ILogger logger, string route, bool global, double retryAfterMs, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord REST asked to wait {AskedSeconds} s on {Route}; waiting {MaxSeconds} s instead and not retrying")]
    private static partial void LogRetryAfterClamped(ILogger logger, string route, double askedSeconds, double maxSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord REST did not answer {Route} in time")]
    private static partial void LogNotAnswering(ILogger logger, string route);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord REST answered {Route} with {Status} and a body that is not JSON")]
    private static partial void LogNotJson(ILogger logger, string route, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord REST answered {Status} on {Route}; retrying after {DelayMs} ms (attempt {Attempt})")]
    private static partial void LogServerError(ILogger logger, string route, int status, double delayMs, int attempt);
}
