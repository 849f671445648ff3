using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Web.Api;

/// <summary>One app with one guild (one message), shared by the API tests.</summary>
public sealed class ApiAppFixture : IAsyncLifetime
{
    public const ulong Guild = 4_242_000_000_000_000_001;
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private readonly AnalyticsAppFactory _app = new(time: new FakeTimeProvider(Now));

    public HttpClient Client { get; private set; } = null!;

    /// <summary>The app's services (its endpoints, its pipeline).</summary>
    public IServiceProvider Services => _app.Services;

    public async Task InitializeAsync()
    {
        Client = _app.CreateApiClient();
        var pipeline = _app.Services.GetRequiredService<IngestionPipeline>();
        await pipeline.WriteAsync(new IngestEvent { Type = IngestEventType.GuildUpsert, GuildId = Guild, EventAt = Now.ToUnixTimeMilliseconds(), Name = "API Guild" }, default);
        await pipeline.WriteAsync(new IngestEvent
        {
            Type = IngestEventType.MessageCreate, GuildId = Guild, EventAt = Now.ToUnixTimeMilliseconds(), ChannelId = 10, UserId = 20,
            MessageId = Core.Discord.Snowflake.FromUnixMs(Now.ToUnixTimeMilliseconds()), Excerpt = "deploy",
        }, default);
        await pipeline.FlushAsync(default);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}

public sealed class AnalyticsApiTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    private const ulong Guild = ApiAppFixture.Guild;
    private readonly HttpClient _client = app.Client;

    [Fact]
    public async Task Guilds_AfterIngestion_ListsTheGuildWithModeAndLastEvent()
    {
        var guilds = await _client.GetFromJsonAsync<JsonElement>("/api/guilds");

        var guild = Assert.Single(guilds.EnumerateArray());
        Assert.Equal(Guild.ToString(), guild.GetProperty("guildId").GetString());
        Assert.Equal("API Guild", guild.GetProperty("name").GetString());
        Assert.Equal("live", guild.GetProperty("mode").GetString());
        Assert.Equal(ApiAppFixture.Now.ToUnixTimeMilliseconds(), guild.GetProperty("lastEventAt").GetInt64());
    }

    [Fact]
    public async Task Summary_KnownGuild_HasSchemaVersion1Shape()
    {
        var summary = await _client.GetFromJsonAsync<JsonElement>($"/api/guilds/{Guild}/summary?window=7d");

        Assert.Equal(1, summary.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(Guild.ToString(), summary.GetProperty("guildId").GetString());
        Assert.Equal("last_7_days", summary.GetProperty("window").GetProperty("kind").GetString());
        Assert.Equal("UTC", summary.GetProperty("window").GetProperty("timeZone").GetString());
        Assert.Equal(1, summary.GetProperty("totals").GetProperty("messages").GetInt64());
        Assert.Equal(0, summary.GetProperty("previousTotals").GetProperty("messages").GetInt64());
        Assert.Equal(7, summary.GetProperty("daily").GetArrayLength());
        Assert.Equal("2026-11-20", summary.GetProperty("daily")[6].GetProperty("date").GetString());
        Assert.Equal("10", summary.GetProperty("topChannels")[0].GetProperty("channelId").GetString());
        Assert.Equal("20", summary.GetProperty("topMembers")[0].GetProperty("discordUserId").GetString());
        Assert.Equal(0, summary.GetProperty("topContent").GetArrayLength());
        var support = summary.GetProperty("supportSignals");
        Assert.Equal(0, support.GetProperty("unansweredThreads").GetInt64());
        Assert.Equal(JsonValueKind.Null, support.GetProperty("medianFirstResponseMinutes").ValueKind);
        var keyword = Assert.Single(support.GetProperty("commonKeywords").EnumerateArray());
        Assert.Equal("deploy", keyword.GetProperty("keyword").GetString());
        Assert.Equal(1, keyword.GetProperty("count").GetInt64());
    }

    [Theory]
    [InlineData("window=14d", "window")]
    [InlineData("window=custom&end=2026-11-02", "start")]
    [InlineData("window=custom&start=2026-11-01&end=2026-13-01", "end")]
    [InlineData("window=custom&start=2026-11-05&end=2026-11-01", "end")]
    [InlineData("top=0", "top")]
    [InlineData("top=abc", "top")]
    [InlineData("window=7d&start=2026-11-01", "start")]
    public async Task Summary_BadParameter_Is400ProblemNamingIt(string queryString, string parameter)
    {
        using var response = await _client.GetAsync($"/api/guilds/{Guild}/summary?{queryString}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.Contains(parameter, problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("not-a-number")]
    [InlineData("-1")]
    [InlineData("0")]
    public async Task Summary_GuildIdNotASnowflake_Is400(string guildId)
    {
        using var response = await _client.GetAsync($"/api/guilds/{guildId}/summary");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("guildId", problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Summary_UnknownGuild_Is404Problem()
    {
        using var response = await _client.GetAsync("/api/guilds/123456789/summary");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Healthz_StoreReadyButNoSourceConfigured_Is200AndSaysWhyNothingFlows()
    {
        // The fixture runs with Demo:Enabled=false and no token.
        var health = await _client.GetFromJsonAsync<JsonElement>("/healthz");

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.True(health.GetProperty("store").GetProperty("ok").GetBoolean());
        Assert.Equal("down", health.GetProperty("gateway").GetProperty("state").GetString());
        Assert.Contains("Discord:Token", health.GetProperty("gateway").GetProperty("reason").GetString());
        Assert.Equal(0, health.GetProperty("ingestion").GetProperty("queueLength").GetInt32());
    }
}

public sealed class ExportApiTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    [Fact]
    public async Task Export_ChannelsCsv_HasHeaderAndTheChannelRow()
    {
        using var response = await app.Client.GetAsync($"/api/guilds/{ApiAppFixture.Guild}/export/channels.csv?window=7d");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("channelId,name,messageCount,reactionCount,threadCount", lines[0]);
        Assert.Equal("10,10,1,0,0", lines[1]);
    }

    [Fact]
    public async Task Export_DailyCsv_HasOneRowPerDay()
    {
        var csv = await app.Client.GetStringAsync($"/api/guilds/{ApiAppFixture.Guild}/export/daily.csv?window=30d");

        Assert.Equal(31, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("2026-11-20,1,0,1", csv);
    }

    [Fact]
    public async Task Export_EngagementCsv_HasOneRowPerDayWithDauWauMauAndStickiness()
    {
        var csv = await app.Client.GetStringAsync($"/api/guilds/{ApiAppFixture.Guild}/export/engagement.csv?window=30d");

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("date,dau,wau,mau,stickiness", lines[0]);
        Assert.Equal(31, lines.Length);
        Assert.Contains("2026-11-20,1,1,1,1", csv);
    }

    [Fact]
    public async Task Export_UnknownTable_Is400NamingTable()
    {
        using var response = await app.Client.GetAsync($"/api/guilds/{ApiAppFixture.Guild}/export/secrets.csv");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("table", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parameter").GetString());
    }

    [Fact]
    public void CsvWriter_HostileCells_AreQuotedAndFormulaNeutralised()
    {
        var csv = DiscordAnalytics.Web.Api.CsvWriter.Write(["a", "b"], [["=HYPERLINK(\"x\")", "line\nbreak, comma"]]);

        Assert.Equal("a,b\r\n\"'=HYPERLINK(\"\"x\"\")\",\"line\nbreak, comma\"\r\n", csv);
    }

    [Theory]
    [InlineData("=1+1")]
    [InlineData("+1")]
    [InlineData("-1")]
    [InlineData("@SUM(1)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    [InlineData("\0=1+1")]
    public void CsvWriter_CellStartingAFormula_IsPrefixedWithAnApostrophe(string cell)
    {
        var csv = DiscordAnalytics.Web.Api.CsvWriter.Write(["a"], [[cell]]);

        var row = csv.Split("\r\n", 2)[1].TrimStart('"');
        Assert.StartsWith("'" + cell[0], row, StringComparison.Ordinal);
    }
}
