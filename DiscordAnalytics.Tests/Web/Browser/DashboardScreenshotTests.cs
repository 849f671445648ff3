using System.Net.Http.Json;
using System.Text.Json;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DiscordAnalytics.Tests.Web.Browser;

/// <summary>
/// The whole dashboard on the demo community in a real browser: every card fills (none stays loading, empty or
/// failed), insights included, with 60 days of history so the totals compare with a full previous window. The picture it takes is README's docs/dashboard.png:
/// <c>DA_SCREENSHOT_DIR=$PWD/docs dotnet test --filter DashboardScreenshotTests</c> writes it there; otherwise it
/// goes to a temp folder.
/// </summary>
public sealed class DashboardScreenshotTests
{
    private static readonly string[] Cards =
    [
        "card-totals", "card-activity", "card-members", "card-engagement", "card-heat-map", "card-voice", "card-top-channels",
        "card-top-members", "card-top-content", "card-support", "card-trending-topics", "card-insights",
        "card-retention", "card-lurkers",
    ];

    [Fact]
    public async Task Dashboard_DemoCommunityLastThirtyDays_FillsEveryCard()
    {
        await using var app = AnalyticsAppFactory.Demo(historyDays: 60, liveEventsPerSecond: 0);
        var baseUrl = app.StartOnLoopback();
        // The picture shows the whole history: wait until it has been written up to the last hour.
        using var api = app.CreateApiClient();
        var lastHour = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeMilliseconds();
        await Eventually.ReturnsAsync(
            () => api.GetFromJsonAsync<JsonElement>("/api/guilds"),
            guilds => guilds.EnumerateArray().Any(g => g.TryGetProperty("lastEventAt", out var at) && at.ValueKind == JsonValueKind.Number && at.GetInt64() >= lastHour),
            TimeSpan.FromMinutes(5));
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewSignedInPageAsync(baseUrl, "/?window=30d", options: new() { ViewportSize = new() { Width = 1440, Height = 900 } });

        await Assertions.Expect(page.GetByTestId("total-messages-value")).Not.ToHaveTextAsync("0", new() { Timeout = 120_000 });
        await page.GetByTestId("insights-generate").ClickAsync();
        // The offline insights read the 30-day summary of a 60-day demo: slow when the machine runs the whole suite.
        await Assertions.Expect(page.GetByTestId("insights-meta")).ToBeVisibleAsync(new() { Timeout = 180_000 });

        foreach (var card in Cards)
        {
            var shell = page.GetByTestId(card);
            await Assertions.Expect(shell).ToBeVisibleAsync();
            await Assertions.Expect(shell.GetByTestId("card-loading")).ToHaveCountAsync(0, new() { Timeout = 60_000 });
            await Assertions.Expect(shell.GetByTestId("card-empty")).ToHaveCountAsync(0);
            await Assertions.Expect(shell.GetByTestId("card-error")).ToHaveCountAsync(0);
        }

        await Assertions.Expect(page.GetByTestId("window-caption")).ToContainTextAsync("30 days");
        var folder = Environment.GetEnvironmentVariable("DA_SCREENSHOT_DIR") is { Length: > 0 } wanted
            ? wanted
            : Directory.CreateTempSubdirectory("da-screenshot-").FullName;
        var file = Path.Combine(folder, "dashboard.png");
        // A viewport as tall as the page instead of a full-page capture, which would paint the fixed top bar mid-page.
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        await page.SetViewportSizeAsync(1440, height);
        await page.ScreenshotAsync(new() { Path = file });
        Assert.True(new FileInfo(file).Length > 10_000, $"{file} holds a picture of the page");
    }
}
