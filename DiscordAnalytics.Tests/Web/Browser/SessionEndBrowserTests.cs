using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DiscordAnalytics.Tests.Web.Browser;

/// <summary>An open page in a real browser loses access when the admin signs out elsewhere, without a reload.</summary>
public sealed class SessionEndBrowserTests
{
    [Fact]
    public async Task OpenPage_AdminSignsOutInAnotherSession_PageLeavesForTheLoginPage()
    {
        await using var app = new AnalyticsAppFactory(new Dictionary<string, string?> { ["Auth:SessionCheckInterval"] = "00:00:00.200" });
        var baseUrl = app.StartOnLoopback();
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewSignedInPageAsync(baseUrl, "/settings");
        // The circuit is live (the page marks itself interactive); from here on only the circuit could update it.
        await Assertions.Expect(page.GetByTestId("settings")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 60_000 });

        using var elsewhere = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        using (var login = await LoginForm.PostAsync(elsewhere, AnalyticsAppFactory.AdminPassword))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, login.StatusCode);
        }

        var fields = await LoginForm.HiddenFieldsAsync(elsewhere, "/");
        using (var logout = await elsewhere.PostAsync("/logout", new FormUrlEncodedContent(fields.Where(f => f.Key == "__RequestVerificationToken"))))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, logout.StatusCode);
        }

        await Assertions.Expect(page.GetByTestId("login-password")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login\\?ReturnUrl=%2Fsettings$"));
        await Assertions.Expect(page.GetByTestId("settings")).ToHaveCountAsync(0);
    }
}
