using Bunit;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Components.Cards;

namespace DiscordAnalytics.Tests.Web.Components;

public sealed class TopMembersCardTests : DashboardTestContext
{
    [Fact]
    public async Task Render_SeededWeek_ExplainsActivityAndChange()
    {
        await SeedWorldAsync();

        var cut = Render<TopMembersCard>(p => p.Add(c => c.Query, Last7Days()));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=member-row]")));
        var legend = cut.Find("[data-testid=member-legend]").TextContent.Trim();
        Assert.StartsWith("Activity = messages + reactions in the window. Change = the ranked number (messages + reactions) against the 7 days before, cut at the same time of day as this window has run", legend);
    }

    [Fact]
    public async Task Render_SeededWeek_ListsMembersByActivityWithTheirNumbers()
    {
        await SeedWorldAsync();

        var cut = Render<TopMembersCard>(p => p.Add(c => c.Query, Last7Days()));

        // name, messages, reactions, threads; the bot never appears.
        cut.WaitForAssertion(() => Assert.Equal(
            [("alice", "4", "1", "0"), ("bob", "3", "1", "0"), ("carol", "2", "0", "1"), ("dave", "0", "2", "0")],
            Rows(cut)));
    }

    [Fact]
    public async Task Toggle_ByReactions_PutsReactorsFirst()
    {
        await SeedWorldAsync();
        var cut = Render<TopMembersCard>(p => p.Add(c => c.Query, Last7Days()));
        cut.WaitForAssertion(() => Assert.Equal(4, Rows(cut).Count));

        cut.FindAll("[data-testid=member-ranking] .mud-toggle-item")[2].Click();

        cut.WaitForAssertion(() => Assert.Equal(["dave", "alice", "bob", "carol"], Rows(cut).Select(r => r.Name)));
    }

    [Fact]
    public async Task Render_SeededWeek_ShowsEachMembersActivityChangeAgainstThePreviousWeek()
    {
        await SeedWorldAsync();

        var cut = Render<TopMembersCard>(p => p.Add(c => c.Query, Last7Days()));

        // alice: 4 messages + 1 reaction now against 4 messages in the previous week; the others are new.
        cut.WaitForAssertion(() => Assert.Equal(
            [("alice", "+25%"), ("bob", "new"), ("carol", "new"), ("dave", "new")],
            Changes(cut)));
    }

    [Fact]
    public async Task Toggle_ByMessages_ChangeComparesMessages()
    {
        await SeedWorldAsync();
        var cut = Render<TopMembersCard>(p => p.Add(c => c.Query, Last7Days()));
        cut.WaitForAssertion(() => Assert.Equal(4, Rows(cut).Count));

        cut.FindAll("[data-testid=member-ranking] .mud-toggle-item")[1].Click();

        cut.WaitForAssertion(() => Assert.Equal(("alice", "0%"), Changes(cut)[0]));
        Assert.Contains("da-change-flat", cut.Find("[data-testid=member-change] span").ClassList);
    }

    [Fact]
    public async Task Render_WindowWithoutActivity_ShowsEmptyState()
    {
        await SeedWorldAsync();

        var cut = Render<TopMembersCard>(p => p.Add(c => c.Query, QuietWeek()));

        cut.WaitForAssertion(() => Assert.Equal("No activity in this window", cut.Find("[data-testid=card-empty]").TextContent.Trim()));
    }

    [Fact]
    public async Task LiveRefresh_NewMember_AppearsInTheRanking()
    {
        await SeedWorldAsync();
        var cut = Render<TopMembersCard>(p => p.Add(c => c.Query, Last7Days()));
        cut.WaitForAssertion(() => Assert.Equal(4, Rows(cut).Count));

        var burst = Enumerable.Range(1, 6)
            .Select(n => TestEvents.Message(World.Guild, World.General, World.Frank, At(0, 14), (ulong)n, $"hello {n}"))
            .ToArray();
        await Store.WriteAsync(burst);
        PublishAndTick(World.Guild);

        cut.WaitForAssertion(() => Assert.Equal(("frank", "6", "0", "0"), Rows(cut)[0]));
    }

    [Fact]
    public async Task Render_QueryFails_ShowsShortErrorInsteadOfThrowing()
    {
        await SeedWorldAsync();
        await Store.ExecuteAsync("DROP TABLE memberDailyRollups");

        var cut = Render<TopMembersCard>(p => p.Add(c => c.Query, Last7Days()));

        cut.WaitForAssertion(() => Assert.Contains("Could not load this card", cut.Find("[data-testid=card-error]").TextContent, StringComparison.Ordinal));
        Assert.Equal("error", cut.Find("[data-testid=card-top-members]").GetAttribute("data-state"));
    }

    private static List<(string Name, string Messages, string Reactions, string Threads)> Rows(IRenderedComponent<TopMembersCard> cut) =>
        [.. cut.FindAll("[data-testid=member-row]").Select(row => (
            row.QuerySelector("[data-testid=member-name]")!.TextContent.Trim(),
            row.QuerySelector("[data-testid=member-messages]")!.TextContent.Trim(),
            row.QuerySelector("[data-testid=member-reactions]")!.TextContent.Trim(),
            row.QuerySelector("[data-testid=member-threads]")!.TextContent.Trim()))];

    private static List<(string Name, string Change)> Changes(IRenderedComponent<TopMembersCard> cut) =>
        [.. cut.FindAll("[data-testid=member-row]").Select(row => (
            row.QuerySelector("[data-testid=member-name]")!.TextContent.Trim(),
            row.QuerySelector("[data-testid=member-change]")!.TextContent.Trim()))];
}
