using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace DiscordAnalytics.Tests.Web.Api;

/// <summary>
/// Bad input on every API route, found by enumerating the app's endpoints: a new <c>/api</c> route with a
/// <c>{guildId}</c> is held to the same answers (400 naming guildId, 404 for a guild that is not ours)
/// without anyone remembering to add it here.
/// </summary>
public sealed class ApiBadInputTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    /// <summary>Values for route parameters other than guildId. A new route parameter must be added here, or the test fails.</summary>
    private static readonly Dictionary<string, string[]> RouteSamples = new()
    {
        ["table"] = ["channels", "members", "content", "daily"],
        ["digestId"] = ["999999"],
        ["userId"] = ["424242"],
    };

    /// <summary>What a route answers for the fixture's guild when it is not 200 (e.g. a digest id that does not exist).</summary>
    private static readonly Dictionary<string, HttpStatusCode> KnownGuildAnswers = new()
    {
        ["POST /api/guilds/{guildId}/digests"] = HttpStatusCode.Created,
        ["GET /api/guilds/{guildId}/digests/{digestId}"] = HttpStatusCode.NotFound,
        ["POST /api/guilds/{guildId}/digests/{digestId}/post"] = HttpStatusCode.NotFound,
    };

    /// <summary>Valid JSON bodies for routes that take one (method and route pattern), so the known guild gets past body checks.</summary>
    private static readonly Dictionary<string, string> RouteBodies = new()
    {
        ["POST /api/guilds/{guildId}/backfill"] = "{\"days\":7}",
        ["PUT /api/guilds/{guildId}/help-channels"] = "{\"channelIds\":[]}",
        ["PUT /api/guilds/{guildId}/escalation-roles"] = "{\"roleIds\":[]}",
        ["PUT /api/guilds/{guildId}/time-zone"] = "{\"timeZone\":\"UTC\"}",
        ["PUT /api/guilds/{guildId}/members/{userId}/privacy"] = "{\"choice\":\"hidden\"}",
        ["PUT /api/guilds/{guildId}/role-rules"] = "{\"actOnDiscord\":false,\"rules\":[]}",
        ["PUT /api/guilds/{guildId}/alerts"] = "{\"enabled\":false}",
        ["PUT /api/guilds/{guildId}/commands"] = "{\"answer\":false,\"public\":{\"stats\":false,\"leaderboard\":false}}",
        ["PUT /api/guilds/{guildId}/leaderboard/rules"] = "{\"streak\":{\"messages\":true,\"reactions\":true,\"voice\":true},\"weights\":{\"message\":1,\"reaction\":1,\"thread\":3,\"voiceMinute\":0.1}}",
    };

    private static readonly string[] NotSnowflakes =
        ["abc", "0", "-1", "+1", "1.5", "1e5", "0x10", "%201", "18446744073709551616", "%EF%BC%91%EF%BC%92%EF%BC%93", "%3Cscript%3E"];

    /// <summary>Summary and every export: the routes that take the analytics window parameters.</summary>
    private static readonly string[] WindowRoutes =
        ["summary", "export/channels.csv", "export/members.csv", "export/content.csv", "export/daily.csv", "export/engagement.csv"];

    /// <summary>Today is 2026-11-20 (the fixture's clock).</summary>
    public static TheoryData<string, string, string> BadWindows()
    {
        var cases = new (string Query, string Parameter)[]
        {
            ("window=14d", "window"),
            ("window=7days", "window"),
            ("window=7d&window=30d", "window"),
            ("window=%3Cscript%3E", "window"),
            ("window=custom", "start"),
            ("window=custom&end=2026-11-02", "start"),
            ("window=custom&start=2026-11-01", "end"),
            ("start=2026-11-01", "end"),
            ("window=custom&start=2026/11/01&end=2026-11-02", "start"),
            ("window=custom&start=9999-99-99&end=2026-11-02", "start"),
            ("window=custom&start=2026-11-01&end=2026-13-01", "end"),
            ("window=custom&start=2026-11-05&end=2026-11-01", "end"),
            ("window=custom&start=2014-12-31&end=2015-01-05", "start"),
            ("window=custom&start=2026-11-01&end=2026-11-22", "end"),
            ("window=custom&start=2025-01-01&end=2026-11-20", "start"),
            ("window=7d&start=2026-11-01", "start"),
            ("window=30d&end=2026-11-01", "end"),
            ("top=0", "top"),
            ("top=-1", "top"),
            ("top=1.5", "top"),
            ("top=abc", "top"),
            ("top=101", "top"),
            ("top=99999999999", "top"),
            ("top=%EF%BC%95", "top"),
            ("window=14d&top=0", "top"),
        };
        var data = new TheoryData<string, string, string>();
        foreach (var route in WindowRoutes)
        {
            foreach (var (query, parameter) in cases)
            {
                data.Add(route, query, parameter);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadWindows))]
    public async Task WindowRoute_BadParameter_Is400ProblemNamingIt(string route, string query, string parameter)
    {
        using var response = await app.Client.GetAsync($"/api/guilds/{ApiAppFixture.Guild}/{route}?{query}");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, parameter);
    }

    [Fact]
    public async Task EveryGuildRoute_NotASnowflakeOrUnknownGuild_Is400NamingGuildIdOr404()
    {
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true && e.RoutePattern.GetParameter("guildId") is not null)
            .ToList();
        Assert.True(routes.Count >= 2, "summary and export are found");

        var failures = new List<string>();
        foreach (var route in routes)
        {
            var methods = route.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods)
            {
                var body = RouteBodies.GetValueOrDefault($"{method} {route.RoutePattern.RawText?.TrimEnd('/')}");
                foreach (var template in Urls(route.RoutePattern, failures))
                {
                    var known = KnownGuildAnswers.GetValueOrDefault($"{method} {route.RoutePattern.RawText?.TrimEnd('/')}", HttpStatusCode.OK);
                    await ExpectAsync(failures, method, template, ApiAppFixture.Guild.ToString(), known, null, body);
                    await ExpectAsync(failures, method, template, "123456789", HttpStatusCode.NotFound, null, body);
                    foreach (var bad in NotSnowflakes)
                    {
                        await ExpectAsync(failures, method, template, bad, HttpStatusCode.BadRequest, "guildId", body);
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <param name="status">Expected status; OK stands for "accepted as a known guild": any 2xx, or 409 for a command
    /// the guild's state does not allow now (e.g. cancel with no backfill running).</param>
    private async Task ExpectAsync(List<string> failures, string method, string template, string guildId, HttpStatusCode status, string? parameter, string? requestBody = null)
    {
        var url = template.Replace("{guildId}", guildId, StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (requestBody is not null)
        {
            request.Content = RequestBody.Json(requestBody);
        }

        using var response = await app.Client.SendAsync(request);
        if (status == HttpStatusCode.OK && (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Conflict))
        {
            return;
        }

        if (response.StatusCode != status)
        {
            failures.Add($"{method} {url}: {(int)response.StatusCode}, expected {(int)status}");
            return;
        }

        if ((int)status < 400)
        {
            return;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            failures.Add($"{method} {url}: {response.Content.Headers.ContentType?.MediaType}, expected application/problem+json");
            return;
        }

        var body = await response.Content.ReadAsStringAsync();
        if (body.Contains("script", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{method} {url}: the problem echoes the input");
        }

        var problem = JsonDocument.Parse(body).RootElement;
        if (problem.GetProperty("status").GetInt32() != (int)status)
        {
            failures.Add($"{method} {url}: problem status {problem.GetProperty("status")}");
        }

        if (parameter is not null && (!problem.TryGetProperty("parameter", out var named) || named.GetString() != parameter))
        {
            failures.Add($"{method} {url}: problem does not name {parameter}");
        }
    }

    /// <summary>The route as URLs with <c>{guildId}</c> left in place and every other parameter filled from <see cref="RouteSamples"/>.</summary>
    private static List<string> Urls(RoutePattern pattern, List<string> failures)
    {
        var urls = new List<string> { string.Empty };
        foreach (var segment in pattern.PathSegments)
        {
            var next = new List<string>();
            foreach (var prefix in urls)
            {
                var options = new List<StringBuilder> { new(prefix + "/") };
                foreach (var part in segment.Parts)
                {
                    switch (part)
                    {
                        case RoutePatternLiteralPart literal:
                            options.ForEach(o => o.Append(literal.Content));
                            break;
                        case RoutePatternSeparatorPart separator:
                            options.ForEach(o => o.Append(separator.Content));
                            break;
                        case RoutePatternParameterPart { Name: "guildId" }:
                            options.ForEach(o => o.Append("{guildId}"));
                            break;
                        case RoutePatternParameterPart parameter when RouteSamples.TryGetValue(parameter.Name, out var samples):
                            options = [.. options.SelectMany(o => samples.Select(s => new StringBuilder(o.ToString()).Append(s)))];
                            break;
                        case RoutePatternParameterPart parameter:
                            failures.Add($"{pattern.RawText}: no sample value for route parameter '{parameter.Name}' (add it to {nameof(RouteSamples)})");
                            return [];
                    }
                }

                next.AddRange(options.Select(o => o.ToString()));
            }

            urls = next;
        }

        return urls;
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string parameter)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        // The problem names the parameter; it never echoes what was sent (no reflected markup).
        Assert.DoesNotContain("script", body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(parameter, JsonDocument.Parse(body).RootElement.GetProperty("parameter").GetString());
    }
}
