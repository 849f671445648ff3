using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DiscordAnalytics.Core.Demo;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Jobs;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DiscordAnalytics.Tests.Web.Api;

/// <summary>
/// The backfill routes on the real app in demo mode: the demo community ingested 2 days at start, and a backfill
/// runs as a Hangfire job against the demo's REST-shaped history source.
/// </summary>
[Collection(JobServerCollection.Name)]
public sealed class BackfillApiTests : IAsyncLifetime
{
    private readonly AnalyticsAppFactory _app = new(AnalyticsAppFactory.WithJobServer(new Dictionary<string, string?>
    {
        ["Demo:Enabled"] = "true",
        ["Demo:HistoryDays"] = "2",
        ["Demo:LiveEventsPerSecond"] = "0",
        // The demo source replays Backfill:MaxDays of history once per run; 7 keeps it quick on a busy machine.
        ["Backfill:MaxDays"] = "7",
        ["Backfill:DemoRequestsPerSecond"] = "0",
        ["Jobs:QueuePollInterval"] = "00:00:00.200",
    }));

    private HttpClient _client = null!;
    private string _guild = null!;

    public async Task InitializeAsync()
    {
        _client = _app.CreateApiClient();
        var demo = _app.Services.GetServices<IHostedService>().OfType<DemoCommunityService>().Single();
        await demo.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(60));
        await _app.Services.GetRequiredService<IngestionPipeline>().FlushAsync(default);
        var guilds = await _client.GetFromJsonAsync<JsonElement>("/api/guilds");
        _guild = guilds[0].GetProperty("guildId").GetString()!;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData("""{"days":5}""", "days")]
    [InlineData("""{"days":30}""", "days")]
    [InlineData("""{"days":"7"}""", "days")]
    [InlineData("""{"days":7.5}""", "days")]
    [InlineData("""{}""", "days")]
    [InlineData("""not json""", "body")]
    [InlineData("", "body")]
    [InlineData("""[7]""", "body")]
    [InlineData("""{"days":7,"channelIds":"123"}""", "channelIds")]
    [InlineData("""{"days":7,"channelIds":[123]}""", "channelIds")]
    [InlineData("""{"days":7,"channelIds":["abc"]}""", "channelIds")]
    [InlineData("""{"days":7,"channelIds":["999999999"]}""", "channelIds")]
    [InlineData("""{"days":7,"channelIds":[]}""", "channelIds")]
    public async Task Post_BadBody_Is400ProblemNamingTheField(string body, string field)
    {
        using var response = await _client.PostAsync($"/api/guilds/{_guild}/backfill", RequestBody.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(field, problem.GetProperty("parameter").GetString());
        var status = await _client.GetFromJsonAsync<JsonElement>($"/api/guilds/{_guild}/backfill");
        Assert.Equal(JsonValueKind.Null, status.GetProperty("run").ValueKind);
    }

    [Fact]
    public async Task Post_UnknownGuild_Is404()
    {
        using var response = await _client.PostAsync("/api/guilds/123456789/backfill", RequestBody.Json("""{"days":7}"""));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Post_DemoSevenDays_RunsAsAHangfireJobFillsOlderDaysAndLeavesIngestedDaysUnchanged()
    {
        var before = await _client.GetFromJsonAsync<JsonElement>($"/api/guilds/{_guild}/summary?window=7d");

        using var started = await _client.PostAsync($"/api/guilds/{_guild}/backfill", RequestBody.Json("""{"days":7}"""));
        using var again = await _client.PostAsync($"/api/guilds/{_guild}/backfill", RequestBody.Json("""{"days":7}"""));
        var done = await Eventually.ReturnsAsync(
            () => _client.GetFromJsonAsync<JsonElement>($"/api/guilds/{_guild}/backfill"),
            s => s.GetProperty("run").GetProperty("state").GetString() is "completed" or "failed",
            TimeSpan.FromSeconds(120));
        await _app.Services.GetRequiredService<IngestionPipeline>().FlushAsync(default);
        var after = await _client.GetFromJsonAsync<JsonElement>($"/api/guilds/{_guild}/summary?window=7d");

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var run = done.GetProperty("run");
        Assert.True(run.GetProperty("state").GetString() == "completed",
            $"run {run.GetProperty("state").GetString()}; jobs: {HangfireDiagnostics.Describe(_app.Services.GetRequiredService<Hangfire.JobStorage>())}");
        Assert.Equal("demo", run.GetProperty("source").GetString());
        Assert.True(run.GetProperty("messages").GetInt32() > 1_000);
        Assert.True(run.GetProperty("threads").GetInt32() > 0);
        var skipped = Assert.Single(run.GetProperty("skipped").EnumerateArray());
        Assert.Equal("mod-log", skipped.GetProperty("name").GetString());
        Assert.StartsWith("403", skipped.GetProperty("skipReason").GetString(), StringComparison.Ordinal);

        // Yesterday, which the demo had fully ingested, answers the same (today may gain the messages generated
        // since the demo's start, which it never ingested with live events off); the older days filled in.
        var daysBefore = before.GetProperty("daily").EnumerateArray().ToList();
        var daysAfter = after.GetProperty("daily").EnumerateArray().ToList();
        Assert.Equal(daysBefore[^2].GetProperty("messages").GetInt64(), daysAfter[^2].GetProperty("messages").GetInt64());
        Assert.Equal(daysBefore[^2].GetProperty("reactions").GetInt64(), daysAfter[^2].GetProperty("reactions").GetInt64());
        Assert.Equal(0, daysBefore[0].GetProperty("messages").GetInt64());
        Assert.True(daysAfter[0].GetProperty("messages").GetInt64() > 500);

        // The run completes inside the job; Hangfire records the job's success a moment later.
        var monitoring = _app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        await Eventually.TrueAsync(() => monitoring.SucceededJobs(0, 10).Any(j => j.Value.Job.Type == typeof(BackfillJob)), "the job server marks the backfill job succeeded");
        var job = Assert.Single(monitoring.SucceededJobs(0, 10).Select(j => j.Value.Job), j => j.Type == typeof(BackfillJob));
        Assert.Equal(run.GetProperty("runId").GetInt64(), (long)job.Args[0]);

        using var cancelFinished = await _client.DeleteAsync($"/api/guilds/{_guild}/backfill");
        Assert.Equal(HttpStatusCode.Conflict, cancelFinished.StatusCode);
    }
}
