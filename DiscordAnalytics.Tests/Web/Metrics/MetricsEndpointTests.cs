using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Tests.Ingestion;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Web.Metrics;

/// <summary><c>/metrics</c> through real HTTP: off by default, the bearer token when one is set, loopback only without one.</summary>
public sealed class MetricsEndpointTests
{
    private const string Token = "metrics-token-5b0e1f7c2d9a4e6b8c3f1a0d";
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Metrics_Default_Answers404()
    {
        await using var app = new AnalyticsAppFactory();
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AnalyticsAppFactory.ApiKey);

        using var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Metrics:Enabled", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_AfterIngestingKnownEvents_CountsThemAndMatchesTheSummary()
    {
        // The stream has no voice: one member's 20 minutes in voice today give the voice gauge a number to match.
        var voiceAt = Now.AddMinutes(-30).ToUnixTimeMilliseconds();
        var events = RandomEventStream.Generate(seed: 19, activity: 600, endAt: Now.ToUnixTimeMilliseconds(), days: 2)
            .Append(TestEvents.Voice(RandomEventStream.GuildId, 9_001, 7_001, voiceAt))
            .Append(TestEvents.Voice(RandomEventStream.GuildId, 9_001, null, voiceAt + 20 * 60_000))
            .ToList();
        await using var app = Enabled(Token);
        await app.IngestAsync(events);
        using var scraper = Scraper(app, Token);

        using var response = await scraper.GetAsync("/metrics");
        var metrics = new PrometheusText(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(events.Count, metrics.Value("discord_analytics_ingestion_events_processed_total"));
        Assert.Equal(0, metrics.Value("discord_analytics_ingestion_queue_length"));
        Assert.Equal(0, metrics.Value("discord_analytics_ingestion_pending"));
        Assert.Equal(0, metrics.Value("discord_analytics_ingestion_dead_letters"));
        Assert.Equal(0, metrics.Value("discord_analytics_store_refusing_writes"));
        // Demo off and no token: nothing feeds the store, and the source says so.
        Assert.Equal(1, metrics.Value("discord_analytics_gateway_state", ("state", "down")));
        Assert.Equal(0, metrics.Value("discord_analytics_gateway_state", ("state", "connected")));
        Assert.Equal(0, metrics.Value("discord_analytics_gateway_reconnects_total"));
        Assert.Equal(1, metrics.Value("discord_analytics_discord_rest_state", ("state", "unknown")));
        Assert.Equal(0, metrics.Value("discord_analytics_discord_rest_rate_limited_total"));
        Assert.Equal(0, metrics.Value("discord_analytics_jobs_runs_total", ("job", "retention"), ("outcome", "succeeded")));

        var guild = RandomEventStream.GuildId.ToString();
        using var api = app.CreateApiClient();
        var today = Now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var totals = (await api.GetFromJsonAsync<JsonElement>($"/api/guilds/{guild}/summary?window=custom&start={today}&end={today}")).GetProperty("totals");
        var messages = metrics.Value("discord_analytics_guild_messages_today", ("guild_id", guild), ("guild_name", "Ground Truth Guild"));
        Assert.True(messages > 0, "the stream has messages today");
        Assert.Equal(totals.GetProperty("messages").GetInt64(), messages);
        Assert.Equal(totals.GetProperty("activeMembers").GetInt64(), metrics.Value("discord_analytics_guild_active_members_today", ("guild_id", guild)));
        Assert.Equal(20, totals.GetProperty("voiceMinutes").GetInt64());
        Assert.Equal(20, metrics.Value("discord_analytics_guild_voice_minutes_today", ("guild_id", guild)));
    }

    [Fact]
    public async Task Metrics_TwoHostsInOneProcess_EachCountsOnlyItsOwnEvents()
    {
        var end = Now.ToUnixTimeMilliseconds();
        var first = RandomEventStream.Generate(seed: 1, activity: 50, endAt: end, days: 1);
        var second = RandomEventStream.Generate(seed: 2, activity: 400, endAt: end, days: 1);
        await using var one = Enabled(Token);
        await using var two = Enabled(Token);
        await one.IngestAsync(first);
        await two.IngestAsync(second);

        var fromOne = await ScrapeAsync(one, Token);
        var fromTwo = await ScrapeAsync(two, Token);

        Assert.Equal(first.Count, fromOne.Value("discord_analytics_ingestion_events_processed_total"));
        Assert.Equal(second.Count, fromTwo.Value("discord_analytics_ingestion_events_processed_total"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("metrics-token-5b0e1f7c2d9a4e6b8c3f1a0X")]
    [InlineData(AnalyticsAppFactory.ApiKey)]
    public async Task Metrics_TokenSetAndNotSent_Answers401(string? presented)
    {
        await using var app = Enabled(Token);
        using var scraper = Scraper(app, presented);

        using var response = await scraper.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.DoesNotContain("discord_analytics", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_SignedInAdminWithoutToken_Answers401()
    {
        await using var app = Enabled(Token);
        using var admin = await app.CreateAdminClientAsync();

        using var response = await admin.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_NoTokenFromLoopback_Answers200()
    {
        await using var app = Enabled(token: null);
        using var local = LoopbackClient.From(app.StartOnLoopback(), "127.0.0.1");

        using var response = await local.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("discord_analytics_ingestion_events_processed_total", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_NoTokenThroughAProxyOnLoopback_Answers403()
    {
        await using var app = Enabled(token: null);
        using var proxy = LoopbackClient.From(app.StartOnLoopback(), "127.0.0.1");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await proxy.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Metrics:BearerToken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_NoTokenFromARemoteClientThroughATrustedProxy_Answers403()
    {
        await using var app = Enabled(token: null, new Dictionary<string, string?> { ["ReverseProxy:TrustForwardedHeaders"] = "true" });
        using var proxy = LoopbackClient.From(app.StartOnLoopback(), "127.0.0.1");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await proxy.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_NoTokenAndNoClientAddress_Answers403()
    {
        await using var app = Enabled(token: null);
        // The in-memory test server gives no client address: nothing shows the request came from this machine.
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static AnalyticsAppFactory Enabled(string? token, Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?> { ["Metrics:Enabled"] = "true", ["Metrics:BearerToken"] = token ?? "" };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return new AnalyticsAppFactory(settings, new FakeTimeProvider(Now));
    }

    private static HttpClient Scraper(AnalyticsAppFactory app, string? token)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    private static async Task<PrometheusText> ScrapeAsync(AnalyticsAppFactory app, string token)
    {
        using var scraper = Scraper(app, token);
        using var response = await scraper.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new PrometheusText(await response.Content.ReadAsStringAsync());
    }
}
