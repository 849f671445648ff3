using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace DiscordAnalytics.Tests.Web.Auth;

/// <summary>
/// Every endpoint the app maps, found by enumeration (so a route added later is checked without anyone
/// remembering it): anonymous requests to <c>/api</c> and the Blazor hub get 401 problem+json, every page
/// is sent to the login page, and only the short allow-list below (plus static files) answers anyone.
/// </summary>
public sealed class AnonymousAccessTests : IAsyncLifetime
{
    /// <summary>The only routes anyone may call. Growing this list is a security decision.</summary>
    // /metrics checks its own bearer token or loopback (docs/metrics.md; MetricsEndpointTests), never the admin cookie.
    // /public/leaderboard/{token} answers only a guild's current link, off by default (docs/api.md; PublicLeaderboardPageTests).
    private static readonly HashSet<string> AnonymousRoutes = ["/healthz", "/login", "/logout", "/error", "/metrics", "/public/leaderboard/{token}"];

    /// <summary>Values for route parameters. A new route parameter must be added here, or the test fails.</summary>
    private static readonly Dictionary<string, string> RouteSamples = new()
    {
        ["guildId"] = "4242000000000000001",
        ["table"] = "channels",
        ["digestId"] = "1",
        ["userId"] = "424242",
        ["id"] = "1",
        ["token"] = "not-a-token",
    };

    private readonly AnalyticsAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task EveryEndpoint_Anonymous_IsRefusedUnlessAllowListedOrStatic()
    {
        using var anonymous = _app.CreateClient(new() { AllowAutoRedirect = false });
        var endpoints = Endpoints();
        Assert.Contains(endpoints, e => e.Route.StartsWith("/api/", StringComparison.Ordinal));
        Assert.Contains(endpoints, e => e.Route.StartsWith("/_blazor", StringComparison.Ordinal));
        Assert.Contains(endpoints, e => e.Route == "/dashboard");

        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var endpoint in endpoints)
        {
            if (endpoint.AllowsAnonymous)
            {
                if (!AnonymousRoutes.Contains(endpoint.Route) && !endpoint.IsStaticAsset)
                {
                    failures.Add($"{endpoint.Route} allows anonymous users but is not on the allow-list");
                }

                continue;
            }

            if (Url(endpoint.Pattern, failures) is not { } url)
            {
                continue;
            }

            foreach (var method in endpoint.Methods)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = RequestBody.Json("{}");
                }

                using var response = await anonymous.SendAsync(request);
                checkedCount++;
                var failure = RefusalProblem(url, response);
                if (failure is not null)
                {
                    failures.Add($"{method} {failure}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(checkedCount >= 8, $"only {checkedCount} requests were checked");
    }

    [Fact]
    public async Task EveryPage_WithTheApiKey_IsStillSentToLogin()
    {
        using var bearer = _app.CreateClient(new() { AllowAutoRedirect = false });
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AnalyticsAppFactory.ApiKey);
        var pages = Endpoints().Where(e => !e.AllowsAnonymous && !IsMachineRoute(e.Route) && e.Methods.Contains("GET")).ToList();
        Assert.Contains(pages, p => p.Route == "/");

        var failures = new List<string>();
        foreach (var page in pages)
        {
            var url = Url(page.Pattern, failures)!;
            using var response = await bearer.GetAsync(url);
            if (RefusalProblem(url, response) is { } failure)
            {
                failures.Add(failure);
            }
        }

        // The key opens the hub no more than pages: it is for /api only.
        using var negotiate = await bearer.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
        if (RefusalProblem("/_blazor/negotiate", negotiate) is { } hub)
        {
            failures.Add(hub);
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/dashboard?guildId=1")]
    [InlineData("/no-such-page")]
    [InlineData("/hangfire")]
    public async Task Page_Anonymous_RedirectsToLoginWithTheReturnUrl(string path)
    {
        using var anonymous = _app.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login", response.Headers.Location!.AbsolutePath);
        Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(path), response.Headers.Location.Query, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/_blazor")]
    [InlineData("POST", "/_blazor/negotiate?negotiateVersion=1")]
    [InlineData("GET", "/api/guilds")]
    [InlineData("GET", "/api/no-such-route")]
    public async Task MachineRoute_Anonymous_Is401Problem(string method, string path)
    {
        using var anonymous = _app.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Null(RefusalProblem(path, response));
    }

    [Theory]
    [InlineData("/healthz", HttpStatusCode.OK)]
    [InlineData("/login", HttpStatusCode.OK)]
    [InlineData("/app.css", HttpStatusCode.OK)]
    [InlineData("/_framework/blazor.web.js", HttpStatusCode.OK)]
    public async Task AllowListedRoute_Anonymous_Answers(string path, HttpStatusCode status)
    {
        using var anonymous = _app.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await anonymous.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
    }

    /// <summary>Null when <paramref name="response"/> is the right refusal for <paramref name="url"/>, else what is wrong.</summary>
    private static string? RefusalProblem(string url, HttpResponseMessage response)
    {
        if (IsMachineRoute(url))
        {
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                return $"{url}: {(int)response.StatusCode}, expected 401";
            }

            return response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                ? null
                : $"{url}: 401 as {response.Content.Headers.ContentType?.MediaType}, expected application/problem+json";
        }

        return response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.AbsolutePath == "/login"
            ? null
            : $"{url}: {(int)response.StatusCode} {response.Headers.Location}, expected a redirect to /login";
    }

    private static bool IsMachineRoute(string path) =>
        path.StartsWith("/api", StringComparison.Ordinal) || path.StartsWith("/_blazor", StringComparison.Ordinal);

    private List<EndpointInfo> Endpoints() =>
        [.. _app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => new EndpointInfo(
                "/" + (e.RoutePattern.RawText ?? string.Empty).TrimStart('/'),
                e.RoutePattern,
                e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"],
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                // Static web assets (CSS, scripts, fonts) are mapped by MapStaticAssets with a response-headers descriptor.
                e.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor")))];

    /// <summary>The route as a URL with every parameter filled from <see cref="RouteSamples"/>; null (and a failure) when one has no sample.</summary>
    private static string? Url(RoutePattern pattern, List<string> failures)
    {
        var url = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            url.Append('/');
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal:
                        url.Append(literal.Content);
                        break;
                    case RoutePatternSeparatorPart separator:
                        url.Append(separator.Content);
                        break;
                    case RoutePatternParameterPart parameter when RouteSamples.TryGetValue(parameter.Name, out var sample):
                        url.Append(sample);
                        break;
                    case RoutePatternParameterPart { IsOptional: true } or RoutePatternParameterPart { IsCatchAll: true }:
                        break;
                    case RoutePatternParameterPart parameter:
                        failures.Add($"{pattern.RawText}: no sample value for route parameter '{parameter.Name}' (add it to {nameof(RouteSamples)})");
                        return null;
                }
            }
        }

        return url.Length == 0 ? "/" : url.ToString();
    }

    private sealed record EndpointInfo(string Route, RoutePattern Pattern, IReadOnlyList<string> Methods, bool AllowsAnonymous, bool IsStaticAsset);
}
