using System.Text.RegularExpressions;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DiscordAnalytics.Tests.Web.Browser;

/// <summary>
/// Signing in with a real browser: an anonymous visitor is sent to the login page, a wrong password is
/// refused, the right one opens the live dashboard (circuit connected, chart drawn) and the Hangfire
/// dashboard, and the whole visit raises no Content-Security-Policy violation or script error.
/// </summary>
public sealed class SignInBrowserTests
{
    [Fact]
    public async Task Visit_AnonymousThenWrongThenRightPassword_ReachesTheLiveDashboardWithoutCspViolations()
    {
        await using var app = AnalyticsAppFactory.Demo(historyDays: 7, liveEventsPerSecond: 20);
        var baseUrl = app.StartOnLoopback();
        await using var chromium = await Chromium.LaunchAsync();
        var browser = chromium.Browser;
        var page = await browser.NewPageAsync();
        var problems = new List<string>();
        // Expected: the wrong password's answer is a 401 page, which chromium reports as a failed load of /login.
        static bool IsTheWrongPasswordAnswer(string url) => new Uri(url).AbsolutePath == "/login";
        page.Console += (_, message) =>
        {
            if (message.Text.StartsWith("Failed to load resource: the server responded with a status of 401", StringComparison.Ordinal) && message.Location.Contains("/login", StringComparison.Ordinal))
            {
                return;
            }

            if (message.Type is "error" or "warning" || message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (problems)
                {
                    problems.Add($"console {message.Type}: {message.Text}");
                }
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !(response.Status == 401 && response.Request.Method == "POST" && IsTheWrongPasswordAnswer(response.Url)))
            {
                lock (problems)
                {
                    problems.Add($"{response.Status} {response.Request.Method} {response.Url}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (problems)
            {
                problems.Add("page error: " + error);
            }
        };

        // Anonymous: sent to the login page, with the way back remembered.
        await page.GotoAsync(baseUrl + "/dashboard?window=30d");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login\\?ReturnUrl=%2Fdashboard%3Fwindow%3D30d$"));

        // A wrong password is refused, on the login page.
        await page.GetByTestId("login-password").FillAsync("not-the-password");
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("login-error")).ToHaveTextAsync("Wrong password.");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login"));

        // The right one leads back to where the visitor wanted to go, and the dashboard is live.
        await page.GetByTestId("login-password").FillAsync(AnalyticsAppFactory.AdminPassword);
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/dashboard\\?.*window=30d"), new() { Timeout = 30_000 });
        var messages = page.GetByTestId("total-messages-value");
        await Assertions.Expect(messages).Not.ToHaveTextAsync("0", new() { Timeout = 60_000 });
        var before = await messages.InnerTextAsync();
        await Assertions.Expect(messages).Not.ToHaveTextAsync(before, new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=card-activity] .mud-chart svg path").First).ToBeAttachedAsync(new() { Timeout = 30_000 });

        // The account pages are server-rendered forms: reached from the live dashboard, they load as real requests.
        await page.GetByTestId("change-password-link").ClickAsync();
        await Assertions.Expect(page.GetByTestId("password-configured")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.GoBackAsync();

        // The Hangfire dashboard opens for the admin under the same CSP (its scripts and styles are files).
        await page.GotoAsync(baseUrl + "/hangfire");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("DiscordAnalytics jobs"), new() { Timeout = 30_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.GotoAsync(baseUrl + "/");

        await page.GetByTestId("logout").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login$"), new() { Timeout = 30_000 });
        await page.GotoAsync(baseUrl + "/");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login\\?ReturnUrl="));

        lock (problems)
        {
            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        }
    }
}
