using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DiscordAnalytics.Tests.Web.Browser;

/// <summary>
/// axe-core (WCAG 2.x A and AA rules) on the dashboard's Mentors card filled with the demo community's mentors, on a
/// desktop (1440 px) and a phone (390 px): no serious or critical violation in the card. The audit waits for the
/// mentor rows, so it reads the filled table (names, numbers, caption), never the loading skeleton or the empty state.
/// </summary>
public sealed class MentorsAccessibilityBrowserTests
{
    [Theory]
    [InlineData(1440, 900)]
    [InlineData(390, 844)]
    public async Task MentorsCard_DemoCommunity_HasNoSeriousOrCriticalAxeViolation(int width, int height)
    {
        await using var app = AnalyticsAppFactory.Demo(historyDays: 14, liveEventsPerSecond: 0);
        var baseUrl = app.StartOnLoopback();
        await using var chromium = await Chromium.LaunchAsync();
        var viewport = new BrowserNewPageOptions { ViewportSize = new() { Width = width, Height = height } };

        var page = await chromium.NewSignedInPageAsync(baseUrl, "/", viewport);
        var card = page.GetByTestId("card-mentors");
        await Assertions.Expect(card.GetByTestId("card-loading")).ToHaveCountAsync(0, new() { Timeout = 120_000 });
        await Assertions.Expect(card.GetByTestId("mentor-row").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await card.ScrollIntoViewIfNeededAsync();

        var violations = await AxeAudit.SeriousViolationsAsync(card, $"mentors@{width}");

        Assert.True(await card.GetByTestId("mentor-row").CountAsync() > 0, "the demo community has mentors");
        Assert.True(violations.Count == 0, $"{violations.Count} serious or critical axe violations:\n{string.Join('\n', violations)}");
    }
}
