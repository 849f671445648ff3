using System.Net;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Web.Auth;

/// <summary>
/// Sign-in throttling through the real app on a loopback socket, so each client has a real address
/// (127.0.0.2, 127.0.0.3, ...), or, behind a trusted proxy, a forwarded one: guesses from one address lock only
/// that address, parallel guesses cannot race past the limit, and a global ceiling bounds the hashes.
/// </summary>
public sealed class SignInThrottleTests
{
    private const string Attacker = "127.0.0.2";
    private const string Admin = "127.0.0.3";

    [Fact]
    public async Task Login_FortyWrongPasswordsFromOneAddress_TheAdminSignsInFromAnother()
    {
        await using var app = new AnalyticsAppFactory();
        var url = app.StartOnLoopback();
        using var attacker = LoopbackClient.From(url, Attacker);
        using var admin = LoopbackClient.From(url, Admin);

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
        {
            using var wrong = await CookieLogin.PostAsync(attacker, "wrong-guess-" + i);
            answers.Add(wrong.StatusCode);
        }

        using var signIn = await CookieLogin.PostAsync(admin, AnalyticsAppFactory.AdminPassword);
        using var attackerWithTheRightPassword = await CookieLogin.PostAsync(attacker, AnalyticsAppFactory.AdminPassword);

        Assert.Equal(LoginThrottle.MaxFailures - 1, answers.Count(a => a == HttpStatusCode.Unauthorized));
        Assert.Equal(40 - LoginThrottle.MaxFailures + 1, answers.Count(a => a == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains(CookieLogin.SetCookies(signIn), c => c.StartsWith("da.admin=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.TooManyRequests, attackerWithTheRightPassword.StatusCode);
        Assert.True(attackerWithTheRightPassword.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a locked-out client is told when to come back");
        Assert.DoesNotContain(CookieLogin.SetCookies(attackerWithTheRightPassword), c => c.StartsWith("da.admin=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Login_ForwardedForFromATrustedProxy_EachForwardedClientIsThrottledAlone()
    {
        await using var app = new AnalyticsAppFactory(new Dictionary<string, string?> { ["ReverseProxy:TrustForwardedHeaders"] = "true" });
        using var proxy = LoopbackClient.From(app.StartOnLoopback(), "127.0.0.1");

        for (var i = 0; i < 40; i++)
        {
            using var _ = await CookieLogin.PostAsync(proxy, "wrong-guess-" + i, ForwardedFor("203.0.113.7"));
        }

        using var admin = await CookieLogin.PostAsync(proxy, AnalyticsAppFactory.AdminPassword, ForwardedFor("198.51.100.9"));
        using var attacker = await CookieLogin.PostAsync(proxy, AnalyticsAppFactory.AdminPassword, ForwardedFor("203.0.113.7"));

        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, attacker.StatusCode);
    }

    [Fact]
    public async Task Login_ForwardedForWithoutTrust_IsNoNewClient()
    {
        await using var app = new AnalyticsAppFactory();
        using var client = LoopbackClient.From(app.StartOnLoopback(), Attacker);

        for (var i = 0; i < LoginThrottle.MaxFailures; i++)
        {
            using var _ = await CookieLogin.PostAsync(client, "wrong-guess-" + i, ForwardedFor("203.0.113.7"));
        }

        using var claimingAnotherAddress = await CookieLogin.PostAsync(client, AnalyticsAppFactory.AdminPassword, ForwardedFor("198.51.100.9"));

        Assert.Equal(HttpStatusCode.TooManyRequests, claimingAnotherAddress.StatusCode);
    }

    [Fact]
    public async Task Login_ParallelBurstFromOneAddress_HashesAtMostTheAllowedFailures()
    {
        const int burst = 24;
        var hasher = new CountingPasswordHasher();
        await using var app = new AnalyticsAppFactory(services: s => s.AddSingleton<IPasswordHasher<AdminCredential>>(hasher));
        using var client = LoopbackClient.From(app.StartOnLoopback(), Attacker);
        hasher.Hold();
        var answered = 0;

        var guesses = Enumerable.Range(0, burst).Select(async i =>
        {
            var response = await CookieLogin.PostAsync(client, "parallel-guess-" + i);
            Interlocked.Increment(ref answered);
            return response;
        }).ToList();
        // Every guess is either answered or inside a (held) hash: then release the held ones.
        await Eventually.TrueAsync(() => Volatile.Read(ref answered) + hasher.Verifications == burst, "every guess is answered or being hashed");
        hasher.Release();
        var responses = await Task.WhenAll(guesses);

        Assert.Equal(LoginThrottle.MaxFailures, hasher.Verifications);
        Assert.Equal(burst - LoginThrottle.MaxFailures + 1, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Login_FloodFromManyAddresses_HashesAtMostTheCeilingAndLocksNobody()
    {
        var hasher = new CountingPasswordHasher();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new AnalyticsAppFactory(
            new Dictionary<string, string?> { ["ReverseProxy:TrustForwardedHeaders"] = "true", ["Auth:PasswordChecksPerSecond"] = "3" },
            time,
            s => s.AddSingleton<IPasswordHasher<AdminCredential>>(hasher));
        using var proxy = LoopbackClient.From(app.StartOnLoopback(), "127.0.0.1");

        var answers = new List<HttpStatusCode>();
        for (var i = 1; i <= 8; i++)
        {
            using var guess = await CookieLogin.PostAsync(proxy, "wrong-guess", ForwardedFor("203.0.113." + i));
            answers.Add(guess.StatusCode);
        }

        using var busy = await CookieLogin.PostAsync(proxy, AnalyticsAppFactory.AdminPassword, ForwardedFor("198.51.100.9"));
        time.Advance(TimeSpan.FromSeconds(1));
        using var admin = await CookieLogin.PostAsync(proxy, AnalyticsAppFactory.AdminPassword, ForwardedFor("198.51.100.9"));

        Assert.Equal(4, hasher.Verifications);
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 3), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 5)], answers);
        Assert.Equal(HttpStatusCode.TooManyRequests, busy.StatusCode);
        Assert.Contains("try again in a few seconds", await busy.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(1), busy.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
    }

    private static Action<HttpRequestMessage> ForwardedFor(string address) => request => request.Headers.Add("X-Forwarded-For", address);
}
