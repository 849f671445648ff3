using Bunit;
using DiscordAnalytics.Core.Analytics.Leaderboard;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Components.Settings;
using Microsoft.Extensions.DependencyInjection;

namespace DiscordAnalytics.Tests.Web.Components.Settings;

/// <summary>The Leaderboard settings panel over a real store: rules saved and refused, the public link turned on, renewed and off.</summary>
public sealed class LeaderboardPanelTests : DashboardTestContext
{
    private LeaderboardSettingsStore Store2 => Services.GetRequiredService<LeaderboardSettingsStore>();

    private async Task<IRenderedComponent<LeaderboardPanel>> RenderSeededAsync()
    {
        await SeedWorldAsync();
        var cut = Render<LeaderboardPanel>(p => p.Add(c => c.GuildId, World.Guild));
        cut.WaitForAssertion(() => cut.Find("[data-testid=leaderboard-save]"));
        return cut;
    }

    [Fact]
    public async Task Save_ChangedWeightsAndStreakDays_StoredAsTheGuildsRules()
    {
        var cut = await RenderSeededAsync();
        Assert.Contains("Off.", cut.Find("[data-testid=leaderboard-public-state]").TextContent, StringComparison.Ordinal);

        cut.Find("[data-testid=leaderboard-weight-thread] input").Change("5");
        cut.Find("[data-testid=leaderboard-streak-reactions] input").Change(false);
        cut.Find("[data-testid=leaderboard-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Saved", cut.Find("[data-testid=leaderboard-message]").TextContent, StringComparison.Ordinal));
        Assert.Equal(LeaderboardRules.Default with { ThreadWeight = 5, StreakReactions = false }, await Store2.RulesAsync((long)World.Guild, CancellationToken.None));
    }

    [Fact]
    public async Task Save_BadWeightOrNoStreakDay_RefusedAndNothingStored()
    {
        var cut = await RenderSeededAsync();

        cut.Find("[data-testid=leaderboard-weight-message] input").Change("-2");
        cut.Find("[data-testid=leaderboard-save]").Click();
        cut.WaitForAssertion(() => Assert.Contains("A number from 0 to 1000", cut.Find("[data-testid=leaderboard-weight-message]").TextContent, StringComparison.Ordinal));

        cut.Find("[data-testid=leaderboard-weight-message] input").Change("1");
        cut.Find("[data-testid=leaderboard-streak-messages] input").Change(false);
        cut.Find("[data-testid=leaderboard-streak-reactions] input").Change(false);
        cut.Find("[data-testid=leaderboard-streak-voice] input").Change(false);
        cut.Find("[data-testid=leaderboard-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Not saved", cut.Find("[data-testid=leaderboard-message]").TextContent, StringComparison.Ordinal));
        Assert.Equal(LeaderboardRules.Default, await Store2.RulesAsync((long)World.Guild, CancellationToken.None));
    }

    [Fact]
    public async Task PublicPage_OnNewLinkOff_ShowsTheLinkOnceAndTheStoreFollows()
    {
        var cut = await RenderSeededAsync();

        cut.Find("[data-testid=leaderboard-public-on]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=leaderboard-public-link]"));
        var first = Token(cut);
        Assert.Equal((long)World.Guild, await Store2.GuildOfPublicTokenAsync(first, CancellationToken.None));
        Assert.StartsWith("http://localhost/public/leaderboard/", cut.Find("[data-testid=leaderboard-public-link] input").GetAttribute("value"), StringComparison.Ordinal);
        Assert.Contains("On since", cut.Find("[data-testid=leaderboard-public-state]").TextContent, StringComparison.Ordinal);

        cut.Find("[data-testid=leaderboard-public-new]").Click();
        cut.WaitForAssertion(() => Assert.NotEqual(first, Token(cut)));
        Assert.Null(await Store2.GuildOfPublicTokenAsync(first, CancellationToken.None));
        var second = Token(cut);

        cut.Find("[data-testid=leaderboard-public-off]").Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=leaderboard-public-link]")));
        Assert.Null(await Store2.GuildOfPublicTokenAsync(second, CancellationToken.None));
        Assert.False((await Store2.PublicLinkAsync((long)World.Guild, CancellationToken.None)).Enabled);
    }

    private static string Token(IRenderedComponent<LeaderboardPanel> cut) =>
        cut.Find("[data-testid=leaderboard-public-link] input").GetAttribute("value")!.Split('/')[^1];
}
