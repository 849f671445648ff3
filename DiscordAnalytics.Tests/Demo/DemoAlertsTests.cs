using System.Net;
using System.Text.Json;
using DiscordAnalytics.Core.Demo;
using DiscordAnalytics.Core.Discord.Rest;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Tests.Demo;

/// <summary>The demo shows the alerts: its guild starts with them switched on, and the job's posts are simulated (kept in memory), never a network call.</summary>
public sealed class DemoAlertsTests
{
    [Fact]
    public async Task Job_DemoCommunity_StartsWithAlertsOnAndRecordsEveryPostAsSimulated()
    {
        await using var app = AnalyticsAppFactory.Demo(historyDays: 7, liveEventsPerSecond: 0);
        using var client = app.CreateApiClient();
        var community = DemoCommunity.Create(app.Services.GetRequiredService<IOptions<DemoOptions>>().Value.Seed);
        var route = $"/api/guilds/{community.GuildId}/alerts";

        var settings = await Eventually.ReturnsAsync(() => client.GetAsync(route), r => r.StatusCode == HttpStatusCode.OK);
        using var view = JsonDocument.Parse(await settings.Content.ReadAsStringAsync());
        Assert.True(view.RootElement.GetProperty("enabled").GetBoolean());
        var modLog = community.Channels.Single(c => c.Kind == DemoChannelKind.ModLog);
        Assert.Equal(modLog.Id.ToString(), view.RootElement.GetProperty("channelId").GetString());

        // The history is still arriving while the first runs go: run until an alert is recorded.
        var job = app.Services.GetRequiredService<AlertsJob>();
        var history = await Eventually.ReturnsAsync(async () =>
        {
            await job.RunAsync(CancellationToken.None);
            return JsonDocument.Parse(await (await client.GetAsync(route + "/history?pageSize=100")).Content.ReadAsStringAsync()).RootElement.Clone();
        }, h => h.GetProperty("total").GetInt32() > 0);

        var entries = history.GetProperty("entries").EnumerateArray().ToList();
        Assert.All(entries, e => Assert.Equal("simulated", e.GetProperty("result").GetString()));
        Assert.Null(app.Services.GetService<DiscordRestClient>());
        var posted = app.Services.GetRequiredService<DemoAlertPoster>().Posted;
        Assert.Equal(entries.Count, posted.Count);
        Assert.All(posted, p => Assert.Equal(modLog.Id, p.Channel));
    }
}
