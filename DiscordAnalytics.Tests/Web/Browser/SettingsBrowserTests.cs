using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DiscordAnalytics.Tests.Web.Browser;

/// <summary>The settings page in a real browser: a newcomer backfills the demo community without a token.</summary>
[Collection(JobServerCollection.Name)]
public sealed class SettingsBrowserTests
{
    [Fact]
    public async Task Settings_DemoBackfill_StartsFromTheNavShowsLiveProgressAndEndsWithTheReport()
    {
        await using var app = new AnalyticsAppFactory(AnalyticsAppFactory.WithJobServer(new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",
            ["Demo:HistoryDays"] = "1",
            ["Demo:LiveEventsPerSecond"] = "0",
            // The demo source replays Backfill:MaxDays of history once per run; 7 keeps it quick on a busy machine.
            ["Backfill:MaxDays"] = "7",
            ["Backfill:DemoRequestsPerSecond"] = "40",
            ["Jobs:QueuePollInterval"] = "00:00:00.200",
        }));
        var baseUrl = app.StartOnLoopback();
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewSignedInPageAsync(baseUrl);

        await Assertions.Expect(page.GetByTestId("total-messages-value")).Not.ToHaveTextAsync("0", new() { Timeout = 60_000 });
        await page.GetByTestId("nav-settings").ClickAsync();
        await Assertions.Expect(page.GetByTestId("backfill-panel")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        // Prerendered first; the controls act once the circuit is live.
        await Assertions.Expect(page.GetByTestId("settings")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("backfill-start")).ToBeDisabledAsync();

        await page.GetByTestId("backfill-optin").GetByText("Import message history").ClickAsync();
        await page.GetByTestId("backfill-depth-7").ClickAsync();
        // Two channels keep the run short on a busy machine: #general, and #mod-log (the demo's 403).
        await page.GetByTestId("backfill-channels").GetByText("#general", new() { Exact = true }).ClickAsync();
        await page.GetByTestId("backfill-channels").GetByText("#mod-log", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("backfill-channels")).ToContainTextAsync("2 chosen");
        await page.GetByTestId("backfill-start").ClickAsync();

        // The page is never reloaded: state, bars and the report arrive over the circuit.
        try
        {
            await Assertions.Expect(page.GetByTestId("backfill-guild")).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await Assertions.Expect(page.GetByTestId("backfill-report")).ToBeVisibleAsync(new() { Timeout = 120_000 });
        }
        catch (PlaywrightException ex)
        {
            throw new Xunit.Sdk.XunitException($"No run or no report; jobs: {HangfireDiagnostics.Describe(app.Services.GetRequiredService<Hangfire.JobStorage>())}\n{ex.Message}");
        }
        await Assertions.Expect(page.GetByTestId("backfill-state")).ToHaveTextAsync("completed");
        await Assertions.Expect(page.GetByTestId("backfill-guild-percent")).ToHaveTextAsync("100%");
        await Assertions.Expect(page.GetByTestId("backfill-report-skipped")).ToContainTextAsync("mod-log");
        Assert.NotEqual("0", await page.GetByTestId("backfill-report-messages").InnerTextAsync());

        // The run's progress bars and report pass axe too (named bars, a focusable channel list).
        var violations = await AxeAudit.SeriousViolationsAsync(page, "settings after a backfill");
        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }
}
