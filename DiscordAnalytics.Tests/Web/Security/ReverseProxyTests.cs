using System.Net;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Tests.Web.Security;

/// <summary>
/// Behind a TLS-terminating proxy: the real app on a loopback socket (so the proxy's address is real) gets
/// plain HTTP with <c>X-Forwarded-Proto: https</c>. Only with <c>ReverseProxy:TrustForwardedHeaders</c> and
/// from a known proxy does that make the sign-in cookie Secure and send HSTS.
/// </summary>
public sealed class ReverseProxyTests
{
    [Fact]
    public async Task ForwardedHttps_TrustedLoopbackProxy_CookieIsSecureAndHstsIsSent()
    {
        await using var app = new AnalyticsAppFactory(new Dictionary<string, string?> { ["ReverseProxy:TrustForwardedHeaders"] = "true" });
        using var client = NewProxyClient(app.StartOnLoopback());

        using var page = await SendAsync(client, "/login");
        using var login = await CookieLogin.PostAsync(client, AnalyticsAppFactory.AdminPassword, AsProxiedHttps);

        Assert.StartsWith("max-age=", Assert.Single(page.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var session = Assert.Single(CookieLogin.SetCookies(login), c => c.StartsWith("da.admin=", StringComparison.Ordinal));
        Assert.Contains("; secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", session, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ForwardedHttps_OptInOff_IsIgnored()
    {
        await using var app = new AnalyticsAppFactory();
        using var client = NewProxyClient(app.StartOnLoopback());

        await AssertPlainHttpAsync(client);
    }

    [Fact]
    public async Task ForwardedHttps_FromAnAddressNotListed_IsIgnored()
    {
        await using var app = new AnalyticsAppFactory(new Dictionary<string, string?>
        {
            ["ReverseProxy:TrustForwardedHeaders"] = "true",
            ["ReverseProxy:KnownProxies:0"] = "10.20.30.40",
            ["ReverseProxy:KnownProxies:1"] = "172.18.0.0/16",
        });
        using var client = NewProxyClient(app.StartOnLoopback());

        await AssertPlainHttpAsync(client);
    }

    [Fact]
    public async Task Start_KnownProxyThatIsNoAddress_FailsNamingTheSetting()
    {
        await using var app = new AnalyticsAppFactory(new Dictionary<string, string?>
        {
            ["ReverseProxy:TrustForwardedHeaders"] = "true",
            ["ReverseProxy:KnownProxies:0"] = "proxy.internal",
        });

        var error = app.StartFailure();

        Assert.Contains("ReverseProxy:KnownProxies", error.Message, StringComparison.Ordinal);
    }

    private static async Task AssertPlainHttpAsync(HttpClient client)
    {
        using var page = await SendAsync(client, "/login");
        using var login = await CookieLogin.PostAsync(client, AnalyticsAppFactory.AdminPassword, AsProxiedHttps);

        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var session = Assert.Single(CookieLogin.SetCookies(login), c => c.StartsWith("da.admin=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", session, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>What a proxy in front sends: the public host name and the scheme the browser used.</summary>
    private static void AsProxiedHttps(HttpRequestMessage request)
    {
        request.Headers.Host = "analytics.example";
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        AsProxiedHttps(request);
        return await client.SendAsync(request);
    }

    private static HttpClient NewProxyClient(string baseUrl) =>
        new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
}
