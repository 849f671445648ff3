using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Tests.Infrastructure.OpenAiEmulator;
using DiscordAnalytics.Tests.Insights;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Web.Api;

/// <summary>The insights route through the real app configured for Azure OpenAI at the loopback model.</summary>
public sealed class InsightsApiTests : IAsyncLifetime
{
    private const ulong Guild = 4_343_000_000_000_000_001;
    private const string Key = "sk-api-test-0c7d22aa";
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private readonly CapturingLoggerProvider _logs = new();
    private OpenAiEmulator _model = null!;
    private AnalyticsAppFactory _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _model = await OpenAiEmulator.StartAsync();
        _app = new AnalyticsAppFactory(
            new Dictionary<string, string?>
            {
                ["Ai:Provider"] = "AzureOpenAI",
                ["Ai:Endpoint"] = _model.BaseUrl,
                ["Ai:ApiKey"] = Key,
                ["Ai:Deployment"] = "api-gpt",
            },
            new FakeTimeProvider(Now),
            services => services.AddLogging(b => b.AddProvider(_logs)));
        _client = _app.CreateApiClient();
        var at = Now.AddHours(-3).ToUnixTimeMilliseconds();
        IngestEvent[] events =
        [
            new() { Type = IngestEventType.GuildUpsert, GuildId = Guild, EventAt = at, Name = "Api Guild" },
            new() { Type = IngestEventType.ChannelUpsert, GuildId = Guild, EventAt = at, ChannelId = 51, Name = "general" },
            new() { Type = IngestEventType.MessageCreate, GuildId = Guild, EventAt = at, ChannelId = 51, MessageId = Snowflake.FromUnixMs(at), UserId = 61, Excerpt = "hello" },
        ];
        await _app.IngestAsync(events);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _model.DisposeAsync();
    }

    [Fact]
    public async Task Get_ModelAnswers_ReturnsItsInsightsAndThenTheCachedResult()
    {
        _model.Enqueue(ScriptedChatReply.Completion(ModelReplies.Json([("Other", "One message", "1 message in #general.")], [("Announcement", "Hello", "Say hello!")])));

        var first = await _client.GetFromJsonAsync<JsonElement>($"/api/guilds/{Guild}/insights?window=7d");
        var second = await _client.GetFromJsonAsync<JsonElement>($"/api/guilds/{Guild}/insights?window=7d");

        Assert.Equal("AzureOpenAI", first.GetProperty("generator").GetString());
        Assert.True(first.GetProperty("grounded").GetBoolean());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("fallbackReason").ValueKind);
        Assert.Equal("One message", first.GetProperty("insights")[0].GetProperty("title").GetString());
        Assert.Equal("Announcement", first.GetProperty("actions")[0].GetProperty("kind").GetString());
        Assert.Equal("last_7_days", first.GetProperty("window").GetProperty("kind").GetString());
        Assert.Equal(first.ToString(), second.ToString());
        Assert.Single(_model.Requests);
    }

    [Fact]
    public async Task Get_ModelRateLimited_Is200WithOfflineInsightsAndTheReasonNeverTheKey()
    {
        _model.Enqueue(ScriptedChatReply.Error(429, $"slow down {Key}"));

        using var response = await _client.GetAsync($"/api/guilds/{Guild}/insights?window=7d&refresh=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var insights = JsonDocument.Parse(body).RootElement;
        Assert.Equal("offline", insights.GetProperty("generator").GetString());
        Assert.Equal("Azure OpenAI is rate limiting requests (HTTP 429). Try again in a minute.", insights.GetProperty("fallbackReason").GetString());
        Assert.NotEqual(0, insights.GetProperty("insights").GetArrayLength());
        Assert.DoesNotContain(Key, body, StringComparison.Ordinal);
        Assert.DoesNotContain(_logs.Lines, l => l.Contains(Key, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("window=14d", "window")]
    [InlineData("window=custom&start=2026-11-01", "end")]
    [InlineData("refresh=yes", "refresh")]
    public async Task Get_BadParameter_Is400ProblemNamingIt(string query, string parameter)
    {
        using var response = await _client.GetAsync($"/api/guilds/{Guild}/insights?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.Empty(_model.Requests);
    }
}
