using Bunit;
using DiscordAnalytics.Core.Analytics.Leaderboard;
using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Components.Cards;
using Microsoft.Extensions.DependencyInjection;

namespace DiscordAnalytics.Tests.Web.Components;

/// <summary>The Leaderboard card over a real store: the query's places and streaks, the ranking toggle, a hidden member unnamed, the CSV link.</summary>
public sealed class LeaderboardCardTests : DashboardTestContext
{
    [Fact]
    public async Task Render_SeededWeek_ShowsTheQuerysPlacesWithStreaks()
    {
        await SeedWorldAsync();
        var expected = await Services.GetRequiredService<LeaderboardQuery>().RunAsync(Last7Days(), LeaderboardRanking.Activity, CancellationToken.None);

        var cut = Render<LeaderboardCard>(p => p.Add(c => c.Query, Last7Days()));

        cut.WaitForAssertion(() => Assert.Equal(expected.Entries.Count, cut.FindAll("[data-testid=leaderboard-row]").Count));
        Assert.Equal(expected.Entries.Select(e => e.Name), cut.FindAll("[data-testid=leaderboard-name]").Select(n => n.TextContent.Trim()));
        Assert.Equal(expected.Entries.Select(e => $"{e.CurrentStreak} ({e.LongestStreak})"), cut.FindAll("[data-testid=leaderboard-streak]").Select(n => n.TextContent.Trim()));
        Assert.Contains(expected.Entries, e => e.CurrentStreak >= 2);
        Assert.StartsWith("Score = messages × 1 + reactions × 1 + threads × 3 + voice minutes × 0.1.", cut.Find("[data-testid=leaderboard-legend]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("/export/leaderboard.csv?window=custom", cut.Find("[data-testid=card-export]").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Toggle_Streak_RanksByCurrentStreakAndNamesNoHiddenMember()
    {
        await SeedWorldAsync();
        await Services.GetRequiredService<MemberPrivacySettings>().SetAsync((long)World.Guild, (long)World.Alice, MemberPrivacyChoice.Hidden, CancellationToken.None);
        var expected = await Services.GetRequiredService<LeaderboardQuery>().RunAsync(Last7Days(), LeaderboardRanking.Streak, CancellationToken.None);
        var cut = Render<LeaderboardCard>(p => p.Add(c => c.Query, Last7Days()));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=leaderboard-row]")));

        cut.FindAll("[data-testid=leaderboard-ranking] .mud-toggle-item")[3].Click();

        cut.WaitForAssertion(() => Assert.Equal(
            expected.Entries.Select(e => e.Hidden ? "Hidden member" : e.Name),
            cut.FindAll("[data-testid=leaderboard-name]").Select(n => n.TextContent.Trim())));
        Assert.Contains(expected.Entries, e => e.Hidden);
        Assert.DoesNotContain("alice", cut.Find("[data-testid=leaderboard-table]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_QuietGuild_EmptyState()
    {
        await SeedWorldAsync();

        var cut = Render<LeaderboardCard>(p => p.Add(c => c.Query, QuietWeek(World.OtherGuild)));

        cut.WaitForAssertion(() => Assert.Equal("empty", cut.Find("[data-testid=card-leaderboard]").GetAttribute("data-state")));
    }
}
