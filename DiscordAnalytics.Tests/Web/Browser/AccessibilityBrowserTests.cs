using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DiscordAnalytics.Tests.Web.Browser;

/// <summary>
/// axe-core (WCAG 2.x A and AA rules) on every page an owner sees, filled with the demo community's data, on a
/// desktop (1440 px) and a phone (390 px): no serious or critical violation anywhere. The failure lists each one
/// with its rule id, the element and axe's help, so it reads as a to-do list.
/// </summary>
public sealed class AccessibilityBrowserTests
{
    private static readonly string[] Cards =
        ["card-totals", "card-activity", "card-members", "card-heat-map", "card-top-channels", "card-top-members", "card-top-content", "card-support", "card-insights", "card-retention", "card-lurkers"];

    [Theory]
    [InlineData(1440, 900)]
    [InlineData(390, 844)]
    public async Task EveryPage_DemoCommunity_HasNoSeriousOrCriticalAxeViolation(int width, int height)
    {
        await using var app = AnalyticsAppFactory.Demo(historyDays: 14, liveEventsPerSecond: 0);
        var baseUrl = app.StartOnLoopback();
        await using var chromium = await Chromium.LaunchAsync();
        var viewport = new BrowserNewPageOptions { ViewportSize = new() { Width = width, Height = height } };
        var violations = new List<string>();

        // Signed out: the login page.
        var visitor = await chromium.NewPageAsync(viewport);
        await visitor.GotoAsync(baseUrl + "/login");
        await Assertions.Expect(visitor.GetByTestId("login-password")).ToBeVisibleAsync();
        violations.AddRange(await AxeAudit.SeriousViolationsAsync(visitor, $"login@{width}"));

        // The dashboard with every card filled, insights included.
        var page = await chromium.NewSignedInPageAsync(baseUrl, "/", viewport);
        await Assertions.Expect(page.GetByTestId("total-messages-value")).Not.ToHaveTextAsync("0", new() { Timeout = 120_000 });
        await page.GetByTestId("insights-generate").ClickAsync();
        await Assertions.Expect(page.GetByTestId("insights-meta")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        foreach (var card in Cards)
        {
            await Assertions.Expect(page.GetByTestId(card).GetByTestId("card-loading")).ToHaveCountAsync(0, new() { Timeout = 60_000 });
        }

        violations.AddRange(await AxeAudit.SeriousViolationsAsync(page, $"dashboard@{width}"));

        await page.GotoAsync(baseUrl + "/settings");
        await Assertions.Expect(page.GetByTestId("settings")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 60_000 });
        // Opted in, so the depth buttons and channel boxes are enabled (axe skips the contrast of disabled controls).
        await page.GetByTestId("backfill-optin").GetByText("Import message history").ClickAsync();
        await Assertions.Expect(page.GetByTestId("backfill-channels").Locator("input[type=checkbox]").First).ToBeEnabledAsync();
        violations.AddRange(await AxeAudit.SeriousViolationsAsync(page, $"settings@{width}"));

        // Digests with a generated digest, so the editor, the preview and the summary table are on the page.
        await page.GotoAsync(baseUrl + "/digests");
        await Assertions.Expect(page.GetByTestId("digests-page")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 60_000 });
        await page.GetByTestId("generate").ClickAsync();
        await Assertions.Expect(page.GetByTestId("digest-current")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        violations.AddRange(await AxeAudit.SeriousViolationsAsync(page, $"digests@{width}"));

        await page.GotoAsync(baseUrl + "/account/password");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Change password");
        violations.AddRange(await AxeAudit.SeriousViolationsAsync(page, $"password@{width}"));

        await page.GotoAsync(baseUrl + "/error");
        await Assertions.Expect(page.GetByText("Something went wrong.")).ToBeVisibleAsync();
        violations.AddRange(await AxeAudit.SeriousViolationsAsync(page, $"error@{width}"));

        await page.GotoAsync(baseUrl + "/no-such-page");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Nothing here");
        violations.AddRange(await AxeAudit.SeriousViolationsAsync(page, $"not-found@{width}"));

        Assert.True(violations.Count == 0, $"{violations.Count} serious or critical axe violations:\n{string.Join('\n', violations)}");
    }
}
