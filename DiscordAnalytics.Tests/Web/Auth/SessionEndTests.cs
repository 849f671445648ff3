using System.Net;
using System.Text.RegularExpressions;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Auth;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Tests.Web.Auth;

/// <summary>
/// Ending sessions: sign-out gives the credential a new security stamp, so every cookie issued before (a
/// copy included) is refused, and an open circuit's authentication state turns anonymous at its next check.
/// </summary>
public sealed partial class SessionEndTests : IAsyncLifetime
{
    private AnalyticsAppFactory _app = null!;

    public Task InitializeAsync()
    {
        _app = new AnalyticsAppFactory(new Dictionary<string, string?> { ["Auth:SessionCheckInterval"] = "00:00:00.050" });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Logout_CopiedCookieOfTheEndedSession_NoLongerSignsIn()
    {
        using var client = _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var login = await CookieLogin.PostAsync(client, AnalyticsAppFactory.AdminPassword);
        var session = CookieLogin.NameAndValue(Assert.Single(CookieLogin.SetCookies(login), c => c.StartsWith("da.admin=", StringComparison.Ordinal)));
        using (var before = await GetAsync(client, "/", session))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var logout = await PostLogoutAsync(client, session);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        using var replayed = await GetAsync(client, "/", session);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.Contains("/login", replayed.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var api = await GetAsync(client, "/api/guilds", session);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task Logout_OneSession_EndsTheOthersToo()
    {
        using var other = await _app.CreateAdminClientAsync();
        using var client = await _app.CreateAdminClientAsync();
        var fields = await LoginForm.HiddenFieldsAsync(client, "/");

        using var logout = await client.PostAsync("/logout", new FormUrlEncodedContent(fields.Where(f => f.Key == "__RequestVerificationToken")));

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        using var otherSession = await other.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, otherSession.StatusCode);
    }

    [Fact]
    public async Task Logout_AnonymousVisitorWithAToken_LeavesTheAdminSignedIn()
    {
        using var admin = await _app.CreateAdminClientAsync();
        using var anonymous = _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var fields = await LoginForm.HiddenFieldsAsync(anonymous, "/login");

        using var logout = await anonymous.PostAsync("/logout", new FormUrlEncodedContent(fields.Where(f => f.Key == "__RequestVerificationToken")));

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        using var dashboard = await admin.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }

    [Fact]
    public async Task CircuitState_SessionEndedElsewhere_TurnsAnonymousAtTheNextCheck()
    {
        var credentials = _app.Services.GetRequiredService<AdminCredentials>();
        await using var circuit = _app.Services.CreateAsyncScope();
        var provider = circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        var changes = 0;
        provider.AuthenticationStateChanged += _ => Interlocked.Increment(ref changes);
        // What Blazor does when a circuit starts: the state of the connecting request's cookie.
        ((IHostEnvironmentAuthenticationStateProvider)provider).SetAuthenticationState(
            Task.FromResult(new AuthenticationState(AdminPrincipal.Create(AuthSchemes.Cookie, credentials.CurrentStamp))));
        Assert.True((await provider.GetAuthenticationStateAsync()).User.IsInRole(AdminPrincipal.Role));

        await credentials.EndAllSessionsAsync(CancellationToken.None);

        await Eventually.TrueAsync(() => Volatile.Read(ref changes) > 1, "the circuit's state changed again after the sign-out");
        var state = await provider.GetAuthenticationStateAsync();
        Assert.False(state.User.Identity?.IsAuthenticated ?? false);
        Assert.False(state.User.IsInRole(AdminPrincipal.Role));
    }

    [Fact]
    public async Task Start_SessionCheckIntervalNotPositive_FailsNamingTheSetting()
    {
        await using var app = new AnalyticsAppFactory(new Dictionary<string, string?> { ["Auth:SessionCheckInterval"] = "00:00:00" });

        var error = app.StartFailure();

        Assert.Contains("Auth:SessionCheckInterval", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stamp-a", "stamp-a", true)]
    [InlineData("stamp-a", "stamp-b", false)]
    [InlineData(null, "stamp-a", false)]
    [InlineData("stamp-a", null, false)]
    public void IsCurrent_StampOfTheSessionAgainstTheCredential_OnlyTheSameStampIsValid(string? session, string? current, bool valid)
    {
        var state = new AuthenticationState(AdminPrincipal.Create(AuthSchemes.Cookie, session));

        Assert.Equal(valid, AdminSessionRevalidator.IsCurrent(state, current));
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, params string[] cookies)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", string.Join("; ", cookies));
        return await client.SendAsync(request);
    }

    /// <summary>The dashboard's sign-out form, posted with the session cookie and the antiforgery cookie the page set.</summary>
    private static async Task<HttpResponseMessage> PostLogoutAsync(HttpClient client, string session)
    {
        using var page = await GetAsync(client, "/", session);
        var html = await page.Content.ReadAsStringAsync();
        var token = System.Net.WebUtility.HtmlDecode(AntiforgeryField().Match(html).Groups["value"].Value);
        var antiforgery = CookieLogin.SetCookies(page).Select(CookieLogin.NameAndValue).Where(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/logout")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]),
        };
        request.Headers.Add("Cookie", string.Join("; ", antiforgery.Prepend(session)));
        return await client.SendAsync(request);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex AntiforgeryField();
}
