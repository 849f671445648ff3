using System.Net;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DiscordAnalytics.Tests.Web.Security;

/// <summary>Security headers on every kind of response: pages, the API, refusals, static files, errors.</summary>
public sealed class SecurityHeadersTests : IAsyncLifetime
{
    private const string RelaxedPolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

    private readonly AnalyticsAppFactory _app = new(services: services =>
        services.Configure<SecurityHeaders>(h => h.PathPolicies.Add(new(new PathString("/hangfire"), RelaxedPolicy))));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/", true)]
    [InlineData("/login", false)]
    [InlineData("/api/guilds", true)]
    [InlineData("/api/guilds", false)]
    [InlineData("/healthz", false)]
    [InlineData("/app.css", false)]
    [InlineData("/no-such-page", true)]
    public async Task AnyResponse_CarriesTheSecurityHeaders(string path, bool signedIn)
    {
        using var client = signedIn ? await _app.CreateAdminClientAsync() : _app.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(path);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(SecurityHeaders.DefaultContentSecurityPolicy, csp);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task PathPolicy_ForAPrefix_ReplacesTheCspThereOnly()
    {
        using var client = _app.CreateClient(new() { AllowAutoRedirect = false });

        using var hangfire = await client.GetAsync("/hangfire/jobs");
        using var elsewhere = await client.GetAsync("/hangfirex");

        Assert.Equal(RelaxedPolicy, Assert.Single(hangfire.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal(SecurityHeaders.DefaultContentSecurityPolicy, Assert.Single(elsewhere.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task Hsts_OnlyOnHttpsRequests()
    {
        using var https = _app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://analytics.example/") });
        using var http = _app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://analytics.example/") });

        using var secure = await https.GetAsync("/healthz");
        using var plain = await http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.StartsWith("max-age=", Assert.Single(secure.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }
}
