using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Digests;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Emulator = DiscordAnalytics.Tests.Infrastructure.DiscordEmulator.DiscordEmulator;

namespace DiscordAnalytics.Tests.Web.Api;

/// <summary>The digest routes of the real app in live mode: its REST client posts to the Discord emulator.</summary>
public sealed class DigestsApiTests : IAsyncLifetime
{
    private const string Token = "digest-api-token";
    private static readonly string Guild = DigestWorld.Guild.ToString();
    private Emulator _emulator = null!;
    private AnalyticsAppFactory _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _emulator = await Emulator.StartAsync();
        _app = new AnalyticsAppFactory(
            new Dictionary<string, string?>
            {
                ["Discord:Token"] = Token,
                ["Discord:ApiBaseUrl"] = _emulator.ApiBaseUrl,
                ["Discord:GatewayUrl"] = _emulator.GatewayUrl,
            },
            new FakeTimeProvider(DigestWorld.Now));
        _client = _app.CreateApiClient();
        await SeedAsync(_app);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    internal static async Task SeedAsync(AnalyticsAppFactory app)
    {
        var pipeline = app.Services.GetRequiredService<IngestionPipeline>();
        foreach (var batch in DigestWorld.Batches())
        {
            foreach (var item in batch)
            {
                await pipeline.WriteAsync(item, default);
            }

            await pipeline.FlushAsync(default);
        }
    }

    [Fact]
    public async Task Generate_KnownGuild_Is201WithTheMarkdownAndTheSummaryItWasBuiltFrom()
    {
        using var response = await _client.PostAsync($"/api/guilds/{Guild}/digests", null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var digest = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"/api/guilds/{Guild}/digests/{digest.GetProperty("id").GetInt64()}", response.Headers.Location?.OriginalString);
        Assert.Equal("draft", digest.GetProperty("status").GetString());
        Assert.StartsWith("# Weekly digest: Candle Club\n**2026-11-18 to 2026-11-24**", digest.GetProperty("markdown").GetString(), StringComparison.Ordinal);
        var summary = digest.GetProperty("summary");
        Assert.Equal(1, summary.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(digest.GetProperty("windowStartAt").GetInt64(), summary.GetProperty("window").GetProperty("startAt").GetInt64());
        // The complete week before today: 4 messages (today's does not count), 2 the week before.
        Assert.Equal(4, summary.GetProperty("totals").GetProperty("messages").GetInt64());
        Assert.Equal(2, summary.GetProperty("previousTotals").GetProperty("messages").GetInt64());
        Assert.Contains("- **Messages:** 4 (up 100% from 2)", digest.GetProperty("markdown").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_AfterTwoGenerations_NewestFirst()
    {
        var first = await GenerateAsync();
        var second = await GenerateAsync();

        var list = await _client.GetFromJsonAsync<JsonElement>($"/api/guilds/{Guild}/digests");

        Assert.Equal([second, first], list.EnumerateArray().Select(d => d.GetProperty("id").GetInt64()));
        Assert.All(list.EnumerateArray(), d => Assert.Equal("draft", d.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Post_KnownChannel_PostsOnceAndASecondPostSendsNothing()
    {
        var id = await GenerateAsync();

        using var first = await PostAsync(id, $$"""{"channelId":"{{DigestWorld.General}}"}""");
        using var second = await PostAsync(id, $$"""{"channelId":{{DigestWorld.General}}}""");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var posted = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("posted", posted.GetProperty("status").GetString());
        Assert.Equal(1, posted.GetProperty("sentNow").GetInt32());
        Assert.Equal(DigestWorld.General.ToString(), posted.GetProperty("postedChannelId").GetString());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(0, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sentNow").GetInt32());
        var message = Assert.Single(_emulator.PostedMessages);
        Assert.Equal([message.Id], posted.GetProperty("postedMessageIds").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal($"Bot {Token}", _emulator.RestRequests.Last(r => r.Method == "POST").Authorization);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1]")]
    [InlineData("{}")]
    [InlineData("""{"channelId":"abc"}""")]
    [InlineData("""{"channelId":"0"}""")]
    [InlineData("""{"channelId":-5}""")]
    [InlineData("""{"channelId":"<script>"}""")]
    [InlineData("""{"channelId":"931000000000000009"}""")]
    public async Task Post_BadBody_Is400NamingChannelId(string body)
    {
        var id = await GenerateAsync();

        using var response = await PostAsync(id, body);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "channelId");
        Assert.Empty(_emulator.PostedMessages);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999")]
    public async Task DigestRoutes_BadDigestId_Is400NamingDigestId(string digestId)
    {
        using var post = await _client.PostAsync($"/api/guilds/{Guild}/digests/{digestId}/post", RequestBody.Json($$"""{"channelId":"{{DigestWorld.General}}"}"""));
        using var get = await _client.GetAsync($"/api/guilds/{Guild}/digests/{digestId}");

        await AssertProblemAsync(post, HttpStatusCode.BadRequest, "digestId");
        await AssertProblemAsync(get, HttpStatusCode.BadRequest, "digestId");
    }

    [Fact]
    public async Task DigestRoutes_UnknownDigestOrAnotherGuildsDigest_Is404()
    {
        var id = await GenerateAsync();

        using var unknown = await PostAsync(id + 1000, $$"""{"channelId":"{{DigestWorld.General}}"}""");
        using var otherGuild = await _client.GetAsync($"/api/guilds/{DigestWorld.OtherGuild}/digests/{id}");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, otherGuild.StatusCode);
    }

    [Fact]
    public async Task Post_ForbiddenChannel_Is502WithTheReasonAndTheDigestStaysADraft()
    {
        var id = await GenerateAsync();
        _emulator.ForbiddenChannelIds.Add(DigestWorld.General.ToString());

        using var response = await PostAsync(id, $$"""{"channelId":"{{DigestWorld.General}}"}""");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("403 Missing Permissions", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var digest = await _client.GetFromJsonAsync<JsonElement>($"/api/guilds/{Guild}/digests/{id}");
        Assert.Equal("draft", digest.GetProperty("status").GetString());
        Assert.Equal(problem.GetProperty("detail").GetString(), digest.GetProperty("lastError").GetString());
    }


    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string parameter)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("script", body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(parameter, JsonDocument.Parse(body).RootElement.GetProperty("parameter").GetString());
    }

    private async Task<long> GenerateAsync()
    {
        using var response = await _client.PostAsync($"/api/guilds/{Guild}/digests", null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private Task<HttpResponseMessage> PostAsync(long digestId, string body) =>
        _client.PostAsync($"/api/guilds/{Guild}/digests/{digestId}/post", RequestBody.Json(body));
}
