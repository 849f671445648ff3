using Bunit;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Components.Cards;

namespace DiscordAnalytics.Tests.Web.Components;

public sealed class TrendingTopicsCardTests : DashboardTestContext
{
    [Fact]
    public async Task Render_ATermNewThisWeek_ListedWithItsCountAndNoneBefore()
    {
        await SeedWorldAsync();
        await Store.WriteAsync(
            TestEvents.Message(World.Guild, World.General, World.Carol, At(1, 11), 31, "kubernetes"),
            TestEvents.Message(World.Guild, World.General, World.Carol, At(1, 12), 32, "kubernetes"),
            TestEvents.Message(World.Guild, World.General, World.Dave, At(0, 9), 33, "kubernetes"));

        var cut = Render<TrendingTopicsCard>(p => p.Add(c => c.Query, Last7Days()));

        cut.WaitForAssertion(() => Assert.Contains("kubernetes", cut.FindAll("[data-testid=trending-keyword]").Select(k => k.TextContent.Trim())));
        var row = cut.FindAll("[data-testid=trending-row]").Single(r => r.TextContent.Contains("kubernetes", StringComparison.Ordinal));
        Assert.Equal("3", row.QuerySelector("[data-testid=trending-count]")!.TextContent.Trim());
        Assert.Equal("0", row.QuerySelector("[data-testid=trending-previous]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Render_QuietWeek_SaysNothingRose()
    {
        await SeedWorldAsync();

        var cut = Render<TrendingTopicsCard>(p => p.Add(c => c.Query, QuietWeek()));

        cut.WaitForAssertion(() => Assert.Equal("No term rose in this window", cut.Find("[data-testid=card-empty]").TextContent.Trim()));
    }
}
