using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Loops.Alerts.AlertsWorld;
using Emulator = DiscordAnalytics.Tests.Infrastructure.DiscordEmulator.DiscordEmulator;

namespace DiscordAnalytics.Tests.Web.Api;

/// <summary>
/// The alert routes of the real app in live mode: settings over HTTP, the preview, and the 5-minute job posting through
/// the app's REST client to the loopback Discord emulator, which records every message and refuses like Discord (403 / 50013).
/// </summary>
public sealed class AlertsApiTests : IAsyncLifetime
{
    private const string Token = "alerts-api-token";
    private static readonly string Route = $"/api/guilds/{G}/alerts";
    private readonly FakeTimeProvider _time = new(TestDays.Now);
    private Emulator _emulator = null!;
    private AnalyticsAppFactory _app = null!;
    private HttpClient _client = null!;
    private ulong _thread;

    private static readonly string On = $$"""
        {"enabled": true, "channelId": "{{AlertChannel}}", "mentionRoleId": "{{Role}}",
         "unansweredEnabled": true, "unansweredHours": 4, "backlogEnabled": false, "backlogThreshold": 10,
         "dropEnabled": false, "dropPercent": 50, "dropDays": 7, "quietStartHour": null, "quietEndHour": null}
        """;

    public async Task InitializeAsync()
    {
        _emulator = await Emulator.StartAsync();
        _app = new AnalyticsAppFactory(AnalyticsAppFactory.LiveSettings(_emulator, Token, new Dictionary<string, string?> { ["Demo:Enabled"] = "false" }), _time);
        _client = _app.CreateApiClient();
        var pipeline = _app.Services.GetRequiredService<IngestionPipeline>();
        var (thread, asked) = Ask(TestDays.NowMs - (5 * Hour), 1);
        _thread = thread;
        foreach (var e in Setup().Concat(asked))
        {
            await pipeline.WriteAsync(e, default);
        }

        await pipeline.FlushAsync(default);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task Get_GuildWithoutSettings_AlertsAreOff()
    {
        var view = await GetAsync(Route);

        Assert.False(view.GetProperty("enabled").GetBoolean());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("channelId").ValueKind);
        Assert.Equal(("new", 4, 7), (view.GetProperty("status").GetString(), view.GetProperty("unansweredHours").GetInt32(), view.GetProperty("dropDays").GetInt32()));
    }

    [Fact]
    public async Task Job_RunAgain_PostsTheWaitingThreadOnceWithOnlyTheRoleMentionable()
    {
        var saved = await PutAsync(On);
        var preview = await PostAsync("/preview");
        Assert.Empty(_emulator.PostedMessages);
        var job = _app.Services.GetRequiredService<AlertsJob>();

        await job.RunAsync(CancellationToken.None);
        await job.RunAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));
        await job.RunAsync(CancellationToken.None);

        Assert.Equal((true, AlertChannel.ToString(), Role.ToString()), (saved.GetProperty("enabled").GetBoolean(), saved.GetProperty("channelId").GetString(), saved.GetProperty("mentionRoleId").GetString()));
        var item = Assert.Single(preview.GetProperty("alerts").EnumerateArray());
        Assert.Equal(("unanswered", "new"), (item.GetProperty("kind").GetString(), item.GetProperty("state").GetString()));
        var posted = Assert.Single(_emulator.PostedMessages);
        Assert.Equal(AlertChannel.ToString(), posted.ChannelId);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse($$"""{"parse": [], "roles": ["{{Role}}"]}"""), posted.Body["allowed_mentions"]));
        Assert.Contains($"https://discord.com/channels/{G}/{_thread}", posted.Body["content"]!.GetValue<string>());
        var history = await GetAsync(Route + "/history");
        var entry = Assert.Single(history.GetProperty("entries").EnumerateArray());
        Assert.Equal(("unanswered", $"thread:{_thread}", "sent"), (entry.GetProperty("kind").GetString(), entry.GetProperty("target").GetString(), entry.GetProperty("result").GetString()));
        Assert.Empty((await PostAsync("/preview")).GetProperty("alerts").EnumerateArray());
    }

    [Fact]
    public async Task Job_ChannelForbidden_PausesTheAlertsWithTheReasonShown()
    {
        _emulator.ForbiddenChannelIds.Add(AlertChannel.ToString());
        await PutAsync(On);
        var job = _app.Services.GetRequiredService<AlertsJob>();

        await job.RunAsync(CancellationToken.None);
        await job.RunAsync(CancellationToken.None);

        var view = await GetAsync(Route);
        Assert.Equal((false, "paused"), (view.GetProperty("enabled").GetBoolean(), view.GetProperty("status").GetString()));
        Assert.Contains("403, code 50013", view.GetProperty("statusMessage").GetString());
        Assert.Single(_emulator.RestRequests, r => r.Method == "POST");
        var entry = Assert.Single((await GetAsync(Route + "/history")).GetProperty("entries").EnumerateArray());
        Assert.Equal("failed", entry.GetProperty("result").GetString());
    }

    [Theory]
    [InlineData("""not json""", "body")]
    [InlineData("""[]""", "body")]
    [InlineData("""{"channelId": "9204"}""", "enabled")]
    [InlineData("""{"enabled": "yes"}""", "enabled")]
    [InlineData("""{"enabled": true}""", "channelId")]
    [InlineData("""{"enabled": true, "channelId": "abc"}""", "channelId")]
    [InlineData("""{"enabled": true, "channelId": "123456"}""", "channelId")]
    [InlineData("""{"enabled": false, "mentionRoleId": "9200"}""", "mentionRoleId")]
    [InlineData("""{"enabled": false, "unansweredHours": 0}""", "unansweredHours")]
    [InlineData("""{"enabled": false, "unansweredHours": 25}""", "unansweredHours")]
    [InlineData("""{"enabled": false, "unansweredHours": "4"}""", "unansweredHours")]
    [InlineData("""{"enabled": false, "backlogThreshold": 0}""", "backlogThreshold")]
    [InlineData("""{"enabled": false, "dropPercent": 101}""", "dropPercent")]
    [InlineData("""{"enabled": false, "dropDays": 30}""", "dropDays")]
    [InlineData("""{"enabled": false, "backlogEnabled": 1}""", "backlogEnabled")]
    [InlineData("""{"enabled": false, "quietStartHour": 24, "quietEndHour": 6}""", "quietStartHour")]
    [InlineData("""{"enabled": false, "quietStartHour": 22}""", "quietEndHour")]
    [InlineData("""{"enabled": false, "quietStartHour": 6, "quietEndHour": 6}""", "quietEndHour")]
    public async Task Put_BadInput_Is400NamingTheFieldAndNothingChanges(string body, string field)
    {
        await PutAsync(On);
        var before = (await GetAsync(Route)).GetRawText();

        using var response = await _client.PutAsync(Route, RequestBody.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(field, problem.RootElement.GetProperty("parameter").GetString());
        Assert.Equal(before, (await GetAsync(Route)).GetRawText());
    }

    [Fact]
    public async Task History_BadPageSize_Is400()
    {
        using var response = await _client.GetAsync(Route + "/history?pageSize=1000");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<JsonElement> PutAsync(string body)
    {
        using var response = await _client.PutAsync(Route, RequestBody.Json(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<JsonElement> PostAsync(string path)
    {
        using var response = await _client.PostAsync(Route + path, null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<JsonElement> GetAsync(string url)
    {
        using var response = await _client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
