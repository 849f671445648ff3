using System.Net.Http.Json;
using System.Text.Json;
using DiscordAnalytics.Tests.Infrastructure;

namespace DiscordAnalytics.Tests.Web;

public sealed class DemoModeAppTests
{
    [Fact]
    public async Task Start_WithoutToken_IngestsTheDemoCommunityAndServesANonEmptySummary()
    {
        await using var app = new AnalyticsAppFactory(new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "auto",
            ["Demo:HistoryDays"] = "7",
        });
        using var client = app.CreateApiClient();

        var guilds = await Eventually.ReturnsAsync(
            () => client.GetFromJsonAsync<JsonElement>("/api/guilds"),
            g => g.GetArrayLength() == 1 && g[0].GetProperty("lastEventAt").ValueKind == JsonValueKind.Number,
            TimeSpan.FromSeconds(60));
        var guild = Assert.Single(guilds.EnumerateArray());
        Assert.Equal("demo", guild.GetProperty("mode").GetString());

        var summary = await Eventually.ReturnsAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/guilds/{guild.GetProperty("guildId").GetString()}/summary?window=7d"),
            s => s.GetProperty("totals").GetProperty("messages").GetInt64() > 1_000,
            TimeSpan.FromSeconds(60));
        Assert.True(summary.GetProperty("totals").GetProperty("messages").GetInt64() > 1_000);
        Assert.NotEqual(0, summary.GetProperty("topChannels").GetArrayLength());
        Assert.NotEqual(0, summary.GetProperty("topMembers").GetArrayLength());
        Assert.NotEqual(0, summary.GetProperty("topContent").GetArrayLength());
        Assert.False(string.IsNullOrEmpty(summary.GetProperty("topChannels")[0].GetProperty("name").GetString()));

        var health = await client.GetFromJsonAsync<JsonElement>("/healthz");
        Assert.Equal("demo", health.GetProperty("gateway").GetProperty("state").GetString());
    }
}
