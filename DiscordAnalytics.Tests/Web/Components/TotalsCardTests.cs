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
