using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DiscordAnalytics.Tests.Web.Browser;

/// <summary>
/// Member privacy in a real browser, as an admin does it: hide the most active member from the Settings page (the
/// dashboard keeps their numbers but no longer lists them), make them visible again, then forget another member
/// for good (their messages leave the totals).
/// </summary>
public sealed class MemberPrivacyBrowserTests
{
    /// <summary>MudTextField puts the test id on its input element.</summary>
    private const string MemberInput = "input[data-testid=privacy-member]";

    [Fact]
    public async Task Settings_HideThenShowThenForget_TheDashboardFollows()
    {
        await using var app = AnalyticsAppFactory.Demo(historyDays: 7, liveEventsPerSecond: 0);
        var baseUrl = app.StartOnLoopback();
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewSignedInPageAsync(baseUrl);

        var totalMessages = page.GetByTestId("total-messages-value");
        await Assertions.Expect(totalMessages).Not.ToHaveTextAsync("0", new() { Timeout = 60_000 });
        var names = page.GetByTestId("card-top-members").GetByTestId("member-name");
        await Assertions.Expect(names.First).ToBeVisibleAsync();
        var first = (await names.Nth(0).InnerTextAsync()).Trim();
        var second = (await names.Nth(1).InnerTextAsync()).Trim();
        var messagesBefore = await totalMessages.InnerTextAsync();

        // Hide the most active member.
        await OpenPrivacyAsync(page);
        await PickAsync(page, first);
        await page.GetByTestId("privacy-hide").ClickAsync();
        await page.GetByTestId("privacy-hide-yes").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=privacy-row][data-choice=hidden]")).ToContainTextAsync(first);

        // Still counted, no longer listed.
        await page.GetByTestId("nav-dashboard").ClickAsync();
        await Assertions.Expect(names.First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(names.First).Not.ToHaveTextAsync(first);
        await Assertions.Expect(page.GetByTestId("card-top-members")).Not.ToContainTextAsync(first);
        await Assertions.Expect(totalMessages).ToHaveTextAsync(messagesBefore);

        // Visible again: listed first again.
        await OpenPrivacyAsync(page);
        await page.GetByTestId("privacy-make-visible").ClickAsync();
        await Assertions.Expect(page.GetByTestId("privacy-none")).ToBeVisibleAsync();
        await page.GetByTestId("nav-dashboard").ClickAsync();
        await Assertions.Expect(names.First).ToHaveTextAsync(first, new() { Timeout = 30_000 });

        // Forget the second: asked twice, then gone from the list of members and from the totals.
        await OpenPrivacyAsync(page);
        await PickAsync(page, second);
        await page.GetByTestId("privacy-forget").ClickAsync();
        await Assertions.Expect(page.GetByTestId("privacy-forget-confirm")).ToContainTextAsync("cannot be undone");
        await page.GetByTestId("privacy-forget-yes").ClickAsync();
        await Assertions.Expect(page.GetByTestId("privacy-forget-final")).ToContainTextAsync("cannot be undone");
        await page.GetByTestId("privacy-forget-final-yes").ClickAsync();
        var forgotten = page.Locator("[data-testid=privacy-row][data-choice=forgotten]");
        await Assertions.Expect(forgotten).ToContainTextAsync("(name deleted)", new() { Timeout = 30_000 });
        await Assertions.Expect(forgotten).Not.ToContainTextAsync(second);
        await page.GetByTestId("nav-dashboard").ClickAsync();
        await Assertions.Expect(names.First).ToHaveTextAsync(first, new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("card-top-members")).Not.ToContainTextAsync(second);
        await Assertions.Expect(totalMessages).Not.ToHaveTextAsync(messagesBefore);
    }

    private static async Task OpenPrivacyAsync(IPage page)
    {
        await page.GetByTestId("nav-settings").ClickAsync();
        await Assertions.Expect(page.GetByTestId("settings")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("privacy-panel")).ToBeVisibleAsync();
    }

    /// <summary>Finds a member by name and picks them from the matches.</summary>
    private static async Task PickAsync(IPage page, string name)
    {
        await page.Locator(MemberInput).FillAsync(name);
        await page.GetByTestId("privacy-find").ClickAsync();
        var match = page.GetByTestId("privacy-match").Filter(new() { HasText = name }).First;
        var id = await match.GetAttributeAsync("data-user-id");
        await match.ClickAsync();
        await Assertions.Expect(page.GetByTestId("privacy-picked-member")).ToHaveAttributeAsync("data-user-id", id!);
    }
}
