using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Tests.Infrastructure.OpenAiEmulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DiscordAnalytics.Tests.Web.Browser;

/// <summary>The insights card in a real browser: the real app on the live demo community, a model on loopback that fails.</summary>
public sealed class InsightsBrowserTests
{
    [Fact]
    public async Task InsightsCard_ModelRateLimited_ShowsOfflineInsightsWithTheReasonAndKeepsThemThroughLiveUpdates()
    {
        const string key = "sk-browser-test-91be";
        await using var model = await OpenAiEmulator.StartAsync();
        model.Enqueue(ScriptedChatReply.Error(429, $"too many requests for {key}"));
        await using var app = new AnalyticsAppFactory(new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",
            ["Demo:HistoryDays"] = "7",
            ["Demo:SpeedUp"] = "true",
            ["Demo:LiveEventsPerSecond"] = "20",
            ["Ai:Provider"] = "OpenAI",
            ["Ai:Endpoint"] = model.BaseUrl + "/v1",
            ["Ai:ApiKey"] = key,
            ["Ai:Deployment"] = "browser-model",
        });
        var baseUrl = app.StartOnLoopback();
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewSignedInPageAsync(baseUrl);
        var messages = page.GetByTestId("total-messages-value");
        await Assertions.Expect(messages).Not.ToHaveTextAsync("0", new() { Timeout = 60_000 });

        await page.GetByTestId("insights-generate").ClickAsync();

        var card = page.GetByTestId("card-insights");
        await Assertions.Expect(card.GetByTestId("insights-fallback-reason"))
            .ToHaveTextAsync("The OpenAI-compatible endpoint is rate limiting requests (HTTP 429). Try again in a minute.", new() { Timeout = 60_000 });
        await Assertions.Expect(card.GetByTestId("insights-provider")).ToHaveTextAsync("by the offline rules");
        await Assertions.Expect(card.GetByTestId("insight").First).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByTestId("action-draft").First).ToBeVisibleAsync();
        Assert.DoesNotContain(key, await page.ContentAsync(), StringComparison.Ordinal);

        // The demo keeps moving the other cards; the insights stay as generated and the model is not asked again.
        var before = await messages.InnerTextAsync();
        await Assertions.Expect(messages).Not.ToHaveTextAsync(before, new() { Timeout = 30_000 });
        await Assertions.Expect(card.GetByTestId("insights-fallback-reason")).ToBeVisibleAsync();
        Assert.Single(model.Requests);
        Assert.Equal("/v1/chat/completions", model.Requests[0].Path);
    }
}
