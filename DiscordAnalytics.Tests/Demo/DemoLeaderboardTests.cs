using System.Net.Http.Json;
using System.Text.Json;
using DiscordAnalytics.Tests.Infrastructure;

namespace DiscordAnalytics.Tests.Demo;

/// <summary>The demo community's leaderboard and streaks through the running app: its regulars are on streaks as long as the history.</summary>
public sealed class DemoLeaderboardTests
{
    private const int HistoryDays = 14;

    [Fact]
    public async Task Leaderboard_DemoHistory_RegularsOnStreaksAsLongAsTheHistory()
    {
        await using var app = AnalyticsAppFactory.Demo(historyDays: HistoryDays, liveEventsPerSecond: 0);
        using var client = app.CreateApiClient();
        var guilds = await Eventually.ReturnsAsync(
            () => client.GetFromJsonAsync<JsonElement>("/api/guilds"),
            g => g.GetArrayLength() == 1,
            TimeSpan.FromSeconds(60));
        var guild = guilds[0].GetProperty("guildId").GetString();

        // The history is ingested oldest first: once its last days are in, the regulars' streaks span all of it.
        var board = await Eventually.ReturnsAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/guilds/{guild}/leaderboard?window=30d&by=streak&top=100"),
            b => b.GetProperty("entries").EnumerateArray().Count(e => e.GetProperty("currentStreak").GetInt32() >= HistoryDays) >= 3,
            TimeSpan.FromSeconds(180));

        var streaks = board.GetProperty("entries").EnumerateArray()
            .Select(e => (Current: e.GetProperty("currentStreak").GetInt32(), Longest: e.GetProperty("longestStreak").GetInt32()))
            .ToList();
        Assert.True(streaks.Count(s => s.Current >= HistoryDays) >= 3);
        Assert.All(streaks, s => Assert.True(s.Longest >= s.Current));
        var activity = await client.GetFromJsonAsync<JsonElement>($"/api/guilds/{guild}/leaderboard?window=7d&top=10");
        Assert.Equal(10, activity.GetProperty("entries").GetArrayLength());
        Assert.All(activity.GetProperty("entries").EnumerateArray(), e => Assert.False(string.IsNullOrEmpty(e.GetProperty("name").GetString())));
    }
}
