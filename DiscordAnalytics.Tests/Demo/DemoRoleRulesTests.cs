using System.Net;
using System.Text.Json;
using DiscordAnalytics.Core.Demo;
using DiscordAnalytics.Core.Discord.Rest;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Tests.Demo;

/// <summary>The demo shows the activity-role loop: its guild starts with rules switched on, and applying them is simulated on the demo's own roles, never a network call.</summary>
public sealed class DemoRoleRulesTests
{
    [Fact]
    public async Task Apply_DemoCommunity_StartsWithRulesOnAndRecordsEveryChangeAsSimulated()
    {
        await using var app = AnalyticsAppFactory.Demo(historyDays: 7, liveEventsPerSecond: 0);
        using var client = app.CreateApiClient();
        var guild = DemoCommunity.Create(app.Services.GetRequiredService<IOptions<DemoOptions>>().Value.Seed).GuildId;
        var route = $"/api/guilds/{guild}/role-rules";

        var rules = await Eventually.ReturnsAsync(() => client.GetAsync(route), r => r.StatusCode == HttpStatusCode.OK);
        using var view = JsonDocument.Parse(await rules.Content.ReadAsStringAsync());
        Assert.True(view.RootElement.GetProperty("actOnDiscord").GetBoolean());
        Assert.Equal(["messages", "voiceMinutes", "activity", "streak", "leaderboardTop", "mentor"], view.RootElement.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("kind").GetString()));

        // The history is still arriving while the first applies run: apply until a change is logged.
        var log = await Eventually.ReturnsAsync(async () =>
        {
            using var applied = await client.PostAsync(route + "/apply", null);
            Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
            return JsonDocument.Parse(await (await client.GetAsync(route + "/log?pageSize=100")).Content.ReadAsStringAsync()).RootElement.Clone();
        }, l => l.GetProperty("total").GetInt32() > 0);

        var entries = log.GetProperty("entries").EnumerateArray().ToList();
        Assert.All(entries, e => Assert.Equal("simulated", e.GetProperty("result").GetString()));
        Assert.Null(app.Services.GetService<DiscordRestClient>());
        var given = entries.First(e => e.GetProperty("action").GetString() == "add");
        // The ranking kinds act in the demo too: the leaderboard's top 10 of the demo's busy month are all given a role.
        var top = view.RootElement.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "leaderboardTop").GetProperty("id").GetString();
        Assert.Contains(entries, e => e.GetProperty("ruleId").GetString() == top && e.GetProperty("action").GetString() == "add");
        var roles = app.Services.GetRequiredService<DemoMemberRoles>();
        Assert.Contains(ulong.Parse(given.GetProperty("roleId").GetString()!), roles.RolesOf(guild, ulong.Parse(given.GetProperty("userId").GetString()!)));
    }
}
