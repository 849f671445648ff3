using Bunit;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Components.Cards;

namespace DiscordAnalytics.Tests.Web.Components;

public sealed class TotalsCardTests : DashboardTestContext
{
    [Fact]
    public async Task Render_SeededWeek_ShowsTotalsAndChangesAgainstThePreviousWeek()
    {
        await SeedWorldAsync();

        var cut = Render<TotalsCard>(p => p.Add(c => c.Query, Last7Days()));

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("9", Value(cut, "messages"));
            Assert.Equal("+125%", Change(cut, "messages"));
        });
        Assert.Equal(("4", "new"), (Value(cut, "reactions"), Change(cut, "reactions")));
        Assert.Equal(("4", "+300%"), (Value(cut, "active-members"), Change(cut, "active-members")));
        Assert.Equal(("1", "new"), (Value(cut, "threads"), Change(cut, "threads")));
        Assert.Equal(("2", "new"), (Value(cut, "joins"), Change(cut, "joins")));
        Assert.Equal(("1", "0%"), (Value(cut, "leaves"), Change(cut, "leaves")));
        Assert.Equal(("1", "new"), (Value(cut, "deleted"), Change(cut, "deleted")));
        Assert.Contains("da-change-good", cut.Find("[data-testid=total-messages-change]").ClassName);
        // More deletes is bad news: red, not green.
        Assert.Contains("da-change-bad", cut.Find("[data-testid=total-deleted-change]").ClassName);
        // Now is 15:00: the window has run 6 days + 15 h, and so has the previous one it is compared with.
        Assert.Contains("vs the same 6 days + 15 h before", cut.Find("[data-testid=card-totals]").TextContent);
        Assert.Equal(
            "the 6 days + 15 h before this window (cut at the same time of day): 4",
            cut.Find("[data-testid=total-messages-change]").GetAttribute("title"));
    }

    [Fact]
    public async Task Render_PreviousWindowsLastDay_CountsOnlyUpToTheSameTimeOfDay()
    {
        await SeedWorldAsync();
        // 7 days ago is the previous window's last day: 14:00 is before the 15:00 cut, 16:00 after it.
        await Store.WriteAsync(
            TestEvents.Message(World.Guild, World.General, World.Alice, At(7, 14), 5, "before the cut"),
            TestEvents.Message(World.Guild, World.General, World.Alice, At(7, 16), 6, "after the cut"));

        var cut = Render<TotalsCard>(p => p.Add(c => c.Query, Last7Days()));

        // 9 against 4 + 1 (not + 2).
        cut.WaitForAssertion(() => Assert.Equal("+80%", Change(cut, "messages")));
    }

    [Fact]
    public async Task Render_HistoryStartsInsideThePreviousWindow_SaysNoEarlierData()
    {
        await SeedWorldAsync();
        // The other guild's first event is 9 days ago: the previous window (7-13 days ago) is only partly covered.
        await Store.WriteAsync(
            TestEvents.Message(World.OtherGuild, World.OtherChannel, World.Alice, At(9, 9), 1, "first"),
            TestEvents.Message(World.OtherGuild, World.OtherChannel, World.Alice, At(0, 9), 2, "today"));

        var cut = Render<TotalsCard>(p => p.Add(c => c.Query, Last7Days(World.OtherGuild)));

        cut.WaitForAssertion(() => Assert.Equal("1", Value(cut, "messages")));
        Assert.Equal("no earlier data", Change(cut, "messages"));
        Assert.Equal("no earlier data", Change(cut, "joins"));
        Assert.Contains("da-change-flat", cut.Find("[data-testid=total-messages-change]").ClassName);
        Assert.Contains("no earlier data", cut.Find("[data-testid=card-totals]").TextContent.Split("Messages")[0]);
    }

    [Fact]
    public async Task Render_WindowWithoutActivity_ShowsEmptyState()
    {
        await SeedWorldAsync();

        var cut = Render<TotalsCard>(p => p.Add(c => c.Query, QuietWeek()));

        cut.WaitForAssertion(() => Assert.Equal("No activity in this window", cut.Find("[data-testid=card-empty]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=total-messages-value]"));
    }

    [Fact]
    public async Task LiveRefresh_NewEventsForItsGuild_ShowsNewTotals()
    {
        await SeedWorldAsync();
        var cut = Render<TotalsCard>(p => p.Add(c => c.Query, Last7Days()));
        cut.WaitForAssertion(() => Assert.Equal("9", Value(cut, "messages")));

        await Store.WriteAsync(
            TestEvents.Message(World.Guild, World.Random, World.Carol, At(0, 14), 1, "live 1"),
            TestEvents.Message(World.Guild, World.Random, World.Carol, At(0, 14), 2, "live 2"),
            TestEvents.Message(World.Guild, World.Random, World.Carol, At(0, 14), 3, "live 3"));
        PublishAndTick(World.Guild);

        cut.WaitForAssertion(() => Assert.Equal("12", Value(cut, "messages")));
        Assert.Equal("+200%", Change(cut, "messages"));
    }

    [Fact]
    public async Task LiveRefresh_OtherGuildChanged_KeepsNumbers()
    {
        await SeedWorldAsync();
        var cut = Render<TotalsCard>(p => p.Add(c => c.Query, Last7Days()));
        cut.WaitForAssertion(() => Assert.Equal("9", Value(cut, "messages")));

        await Store.WriteAsync(TestEvents.Message(World.Guild, World.Random, World.Carol, At(0, 14), 1, "unannounced"));
        PublishAndTick(World.OtherGuild);
        // Give a (wrong) reload the time it would need to land.
        await Task.Delay(200);

        Assert.Equal("9", Value(cut, "messages"));
    }

    private static string Value(IRenderedComponent<TotalsCard> cut, string key) =>
        cut.Find($"[data-testid=total-{key}-value]").TextContent.Trim();

    private static string Change(IRenderedComponent<TotalsCard> cut, string key) =>
        cut.Find($"[data-testid=total-{key}-change]").TextContent.Trim();
}
