using Bunit;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Components.Cards;

namespace DiscordAnalytics.Tests.Web.Components;

public sealed class TopChannelsCardTests : DashboardTestContext
{
    [Fact]
    public async Task Render_SeededWeek_ListsChannelsByMessages()
    {
        await SeedWorldAsync();

        var cut = Render<TopChannelsCard>(p => p.Add(c => c.Query, Last7Days()));

        cut.WaitForAssertion(() => Assert.Equal(
            [("#general", "5"), ("#setups", "3"), ("#random", "1")],
            Rows(cut)));
    }

    [Fact]
    public async Task Toggle_ByReactions_ReordersByReactions()
    {
        await SeedWorldAsync();
        var cut = Render<TopChannelsCard>(p => p.Add(c => c.Query, Last7Days()));
        cut.WaitForAssertion(() => Assert.Equal(3, Rows(cut).Count));

        cut.FindAll("[data-testid=channel-ranking] .mud-toggle-item")[1].Click();

        cut.WaitForAssertion(() => Assert.Equal(
            [("#setups", "3"), ("#general", "1"), ("#random", "0")],
            Rows(cut)));
    }

    [Fact]
    public async Task Render_SeededWeek_ShowsEachChannelsChangeAgainstThePreviousWeek()
    {
        await SeedWorldAsync();

        var cut = Render<TopChannelsCard>(p => p.Add(c => c.Query, Last7Days()));

        // general had alice's 4 messages in the previous week; setups and random had none.
        cut.WaitForAssertion(() => Assert.Equal(
            [("#general", "+25%"), ("#setups", "new"), ("#random", "new")],
            Changes(cut)));
        var general = cut.FindAll("[data-testid=channel-change]")[0];
        Assert.Contains("da-change-good", general.ClassList);
        Assert.Equal("previous 7 days: 4", general.GetAttribute("title"));
    }

    [Fact]
    public async Task Toggle_ByReactions_ChangeComparesReactions()
    {
        await SeedWorldAsync();
        var cut = Render<TopChannelsCard>(p => p.Add(c => c.Query, Last7Days()));
        cut.WaitForAssertion(() => Assert.Equal(3, Rows(cut).Count));

        cut.FindAll("[data-testid=channel-ranking] .mud-toggle-item")[1].Click();

        cut.WaitForAssertion(() => Assert.Equal(
            [("#setups", "new"), ("#general", "new"), ("#random", "0%")],
            Changes(cut)));
    }

    [Fact]
    public async Task Render_WindowWithoutActivity_ShowsEmptyState()
    {
        await SeedWorldAsync();

        var cut = Render<TopChannelsCard>(p => p.Add(c => c.Query, QuietWeek()));

        cut.WaitForAssertion(() => Assert.Equal("No activity in this window", cut.Find("[data-testid=card-empty]").TextContent.Trim()));
    }

    [Fact]
    public async Task LiveRefresh_NewMessages_ReordersChannels()
    {
        await SeedWorldAsync();
        var cut = Render<TopChannelsCard>(p => p.Add(c => c.Query, Last7Days()));
        cut.WaitForAssertion(() => Assert.Equal(3, Rows(cut).Count));

        var burst = Enumerable.Range(1, 6)
            .Select(n => TestEvents.Message(World.Guild, World.Random, World.Carol, At(0, 14), (ulong)n, $"burst {n}"))
            .ToArray();
        await Store.WriteAsync(burst);
        PublishAndTick(World.Guild);

        cut.WaitForAssertion(() => Assert.Equal(
            [("#random", "7"), ("#general", "5"), ("#setups", "3")],
            Rows(cut)));
    }

    private static List<(string Name, string Count)> Rows(IRenderedComponent<TopChannelsCard> cut) =>
        [.. cut.FindAll("[data-testid=channel-row]").Select(row => (
            row.QuerySelector("[data-testid=channel-name]")!.TextContent.Trim(),
            row.QuerySelector("[data-testid=channel-count]")!.TextContent.Trim()))];

    private static List<(string Name, string Change)> Changes(IRenderedComponent<TopChannelsCard> cut) =>
        [.. cut.FindAll("[data-testid=channel-row]").Select(row => (
            row.QuerySelector("[data-testid=channel-name]")!.TextContent.Trim(),
            row.QuerySelector("[data-testid=channel-change]")!.TextContent.Trim()))];

    [Fact]
    public async Task Render_SeededWeek_EveryBarHasAnAccessibleName()
    {
        await SeedWorldAsync();

        var cut = Render<TopChannelsCard>(p => p.Add(c => c.Query, Last7Days()));

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[role=progressbar]").Count));
        Assert.Equal(
            cut.FindAll("[data-testid=channel-row]").Select(r => $"{r.QuerySelector("[data-testid=channel-name]")!.TextContent.Trim()}: {r.QuerySelector("[data-testid=channel-count]")!.TextContent.Trim()} messages, against the busiest channel"),
            cut.FindAll("[role=progressbar]").Select(b => b.GetAttribute("aria-label")));
    }
}
