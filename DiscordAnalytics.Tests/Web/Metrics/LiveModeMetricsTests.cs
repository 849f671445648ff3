using System.Net;
using System.Net.Http.Headers;
using DiscordAnalytics.Core.Discord.Gateway;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Emulator = DiscordAnalytics.Tests.Infrastructure.DiscordEmulator.DiscordEmulator;

namespace DiscordAnalytics.Tests.Web.Metrics;

/// <summary>The connection metrics from a live app against the loopback Discord: its state, a reconnect, a REST 429.</summary>
public sealed class LiveModeMetricsTests
{
    private const string BotToken = "MTA3MzUzNjMwMzEwNDAwMDAwMA.METRICS-TOKEN.xyz";
    private const string Token = "metrics-token-7e2a9c4b1d0f3e6a5b8c2d1f";

    [Fact]
    public async Task Metrics_LiveApp_ShowConnectedStateReconnectsAndRestRateLimits()
    {
        await using var emulator = await Emulator.StartAsync();
        emulator.ExpectedToken = BotToken;
        // The bot-user check at start gets one per-route 429 with a short wait, which the client waits out and retries.
        emulator.EnqueueRateLimited("/users/@me", retryAfterSeconds: 0.05, global: false);
        await using var app = new AnalyticsAppFactory(
            AnalyticsAppFactory.LiveSettings(emulator, BotToken, new Dictionary<string, string?>
            {
                ["Metrics:Enabled"] = "true",
                ["Metrics:BearerToken"] = Token,
            }),
            services: s => s.AddSingleton(new GatewaySessionOptions { ReconnectBaseDelay = TimeSpan.FromMilliseconds(50), ReconnectMaxDelay = TimeSpan.FromMilliseconds(200) }));
        using var scraper = app.CreateClient();
        scraper.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        await emulator.WaitForIdentifyAsync();
        var connected = await ScrapeUntilAsync(scraper, m => m.Value("discord_analytics_gateway_state", ("state", "connected")) == 1);
        Assert.Equal(0, connected.Value("discord_analytics_gateway_reconnects_total"));

        await emulator.SendReconnectAsync();
        await emulator.WaitForResumeAsync();

        var metrics = await ScrapeUntilAsync(scraper, m =>
            m.Value("discord_analytics_gateway_reconnects_total") == 1 && m.Value("discord_analytics_gateway_state", ("state", "connected")) == 1);
        Assert.Equal(1, metrics.Value("discord_analytics_gateway_reconnects_total"));
        Assert.Equal(1, metrics.Value("discord_analytics_gateway_state", ("state", "connected")));
        Assert.Equal(0, metrics.Value("discord_analytics_gateway_state", ("state", "resuming")));
        Assert.Equal(1, metrics.Value("discord_analytics_discord_rest_rate_limited_total"));
        Assert.Equal(1, metrics.Value("discord_analytics_discord_rest_state", ("state", "answering")));
    }

    private static async Task<PrometheusText> ScrapeUntilAsync(HttpClient scraper, Func<PrometheusText, bool> until) =>
        await Eventually.ReturnsAsync(
            async () =>
            {
                using var response = await scraper.GetAsync("/metrics");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return new PrometheusText(await response.Content.ReadAsStringAsync());
            },
            until);
}
