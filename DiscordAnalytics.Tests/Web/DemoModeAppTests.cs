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
        using var client = app.CreateClient();

        var guild = await PollAsync(async () =>
        {
            var guilds = await client.GetFromJsonAsync<JsonElement>("/api/guilds");
            return guilds.GetArrayLength() == 1 && guilds[0].GetProperty("lastEventAt").ValueKind == JsonValueKind.Number ? guilds[0] : (JsonElement?)null;
        });
        Assert.Equal("demo", guild.GetProperty("mode").GetString());

        var summary = await PollAsync(async () =>
        {
            var s = await client.GetFromJsonAsync<JsonElement>($"/api/guilds/{guild.GetProperty("guildId").GetString()}/summary?window=7d");
            return s.GetProperty("totals").GetProperty("messages").GetInt64() > 1_000 ? s : (JsonElement?)null;
        });
        Assert.NotEqual(0, summary.GetProperty("topChannels").GetArrayLength());
        Assert.NotEqual(0, summary.GetProperty("topMembers").GetArrayLength());
        Assert.NotEqual(0, summary.GetProperty("topContent").GetArrayLength());
        Assert.False(string.IsNullOrEmpty(summary.GetProperty("topChannels")[0].GetProperty("name").GetString()));

        var health = await client.GetFromJsonAsync<JsonElement>("/healthz");
        Assert.Equal("demo", health.GetProperty("gateway").GetProperty("state").GetString());
    }

    private static async Task<JsonElement> PollAsync(Func<Task<JsonElement?>> probe)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The demo community did not produce data within 60 s.");
    }
}
