using System.Net;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Auth;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Web.Auth;

/// <summary>The real <c>/login</c> form over HTTP: right and wrong passwords, lockout, antiforgery, logout.</summary>
public sealed class LoginTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private AnalyticsAppFactory _app = null!;

    public Task InitializeAsync()
    {
        _app = new AnalyticsAppFactory(time: _time);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Login_RightPassword_RedirectsToTheReturnUrlAndTheDashboardOpens()
    {
        using var client = NewBrowserLikeClient();
        var fields = await LoginForm.HiddenFieldsAsync(client, "/login?ReturnUrl=%2Fdashboard%3Fwindow%3D30d");
        fields["Input.Password"] = AnalyticsAppFactory.AdminPassword;

        using var response = await client.PostAsync("/login?ReturnUrl=%2Fdashboard%3Fwindow%3D30d", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("http://localhost/dashboard?window=30d", Target(response));
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("da.admin=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        using var dashboard = await client.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        using var api = await client.GetAsync("/api/guilds");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Fact]
    public async Task Login_WrongPassword_Is401WithTheReasonAndNoSession()
    {
        using var client = NewBrowserLikeClient();

        using var response = await LoginForm.PostAsync(client, AnalyticsAppFactory.AdminPassword + "x");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Wrong password.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("da.admin=", StringComparison.Ordinal)));
        using var dashboard = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("javascript:alert(1)")]
    public async Task Login_ReturnUrlOffSite_GoesHomeInstead(string returnUrl)
    {
        using var client = NewBrowserLikeClient();
        var path = "/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl);
        var fields = await LoginForm.HiddenFieldsAsync(client, path);
        fields["Input.Password"] = AnalyticsAppFactory.AdminPassword;

        using var response = await client.PostAsync(path, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("http://localhost/", Target(response));
    }

    [Fact]
    public async Task Login_FiveWrongPasswords_LockEvenTheRightOneOutUntilTheMinuteIsOver()
    {
        using var client = NewBrowserLikeClient();
        for (var i = 1; i < LoginThrottle.MaxFailures; i++)
        {
            using var wrong = await LoginForm.PostAsync(client, "wrong-" + i);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var fifth = await LoginForm.PostAsync(client, "wrong-5");
        Assert.Equal(HttpStatusCode.TooManyRequests, fifth.StatusCode);
        Assert.Contains("Too many wrong passwords", await fifth.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromSeconds(59));
        using var stillLocked = await LoginForm.PostAsync(client, AnalyticsAppFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, stillLocked.StatusCode);

        _time.Advance(TimeSpan.FromSeconds(2));
        using var open = await LoginForm.PostAsync(client, AnalyticsAppFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
    }

    [Fact]
    public async Task Login_RepeatedLockouts_EachLastsTwiceAsLong()
    {
        using var client = NewBrowserLikeClient();
        await FailAsync(client, LoginThrottle.MaxFailures);
        _time.Advance(LoginThrottle.BaseLockout + TimeSpan.FromSeconds(1));
        await FailAsync(client, LoginThrottle.MaxFailures);

        _time.Advance(LoginThrottle.BaseLockout + TimeSpan.FromSeconds(1));
        using var stillLocked = await LoginForm.PostAsync(client, AnalyticsAppFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, stillLocked.StatusCode);

        _time.Advance(LoginThrottle.BaseLockout);
        using var open = await LoginForm.PostAsync(client, AnalyticsAppFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
    }

    [Fact]
    public async Task Login_PostWithoutAntiforgeryToken_Is400AndSignsNobodyIn()
    {
        using var client = NewBrowserLikeClient();
        var fields = await LoginForm.HiddenFieldsAsync(client, "/login");
        fields.Remove("__RequestVerificationToken");
        fields["Input.Password"] = AnalyticsAppFactory.AdminPassword;

        using var response = await client.PostAsync("/login", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var dashboard = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
    }

    [Fact]
    public async Task Logout_FormWithToken_EndsTheSession()
    {
        using var client = await _app.CreateAdminClientAsync();
        var fields = await LoginForm.HiddenFieldsAsync(client, "/");
        Assert.True(fields.ContainsKey("__RequestVerificationToken"), "the dashboard's sign-out form carries an antiforgery token");

        using var response = await client.PostAsync("/logout", new FormUrlEncodedContent(fields.Where(f => f.Key == "__RequestVerificationToken")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login", response.Headers.Location!.OriginalString);
        using var dashboard = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
    }

    [Fact]
    public async Task Logout_PostWithoutToken_Is400AndTheSessionStays()
    {
        using var client = await _app.CreateAdminClientAsync();

        using var response = await client.PostAsync("/logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var dashboard = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }

    /// <summary>Where a redirect leads, as an absolute URL (relative locations resolved against the app).</summary>
    private static string Target(HttpResponseMessage response) =>
        new Uri(new Uri("http://localhost/"), response.Headers.Location!).AbsoluteUri;

    private HttpClient NewBrowserLikeClient() => _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task FailAsync(HttpClient client, int times)
    {
        for (var i = 0; i < times; i++)
        {
            using var _ = await LoginForm.PostAsync(client, "wrong");
        }
    }
}
