using Bunit;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Components.Cards;
using MudBlazor.Interop;

namespace DiscordAnalytics.Tests.Web.Components;

public sealed class MembersCardTests : DashboardTestContext
{
    private const ulong Hank = 920_000_000_000_000_011;
    private const ulong Ivy = 920_000_000_000_000_012;
    private const ulong Jack = 920_000_000_000_000_013;

    [Fact]
    public async Task Render_SeededWeek_ShowsJoinsLeavesAndNetAgainstThePreviousWeek()
    {
        await SeedWorldAsync();
        JSInterop.Setup<ElementSize>("mudObserveElementSize", _ => true).SetResult(new ElementSize { Width = 1000, Height = 220 });

        var cut = Render<MembersCard>(p => p.Add(c => c.Query, Last7Days()));

        // dave and frank joined, erin left; the week before, gus left.
        cut.WaitForAssertion(() => Assert.Equal(("2", "new"), Tile(cut, "joins")));
        Assert.Equal(("1", "0%"), Tile(cut, "leaves"));
        Assert.Equal(("+1", "+2"), Tile(cut, "net"));
        Assert.Contains("da-change-good", cut.Find("[data-testid=members-net-change]").ClassName);
        // "+1" over "+2" says what each is.
        Assert.Equal("Joins minus leaves in this window", cut.Find("[data-testid=members-net-value]").GetAttribute("title"));
        Assert.Equal("This window's net minus the previous window's net; previous 7 days: -1", cut.Find("[data-testid=members-net-change]").GetAttribute("title"));
        Assert.StartsWith("Net growth = joins minus leaves in this window;", Text(cut, "members-legend"));
        cut.WaitForAssertion(() => Assert.Equal(["Joins", "Leaves"], cut.FindAll("[data-testid=card-members] .mud-chart-legend-item").Select(l => l.TextContent.Trim())));
        // dave joined 3 days ago and has not posted; frank joined this morning.
        Assert.Equal("0 of 1 new member posted within 24 hours (0%) (1 joined less than 24 hours ago)", Text(cut, "activation-day"));
        Assert.Equal("Posted within 7 days: too early to tell (2 joined less than 7 days ago)", Text(cut, "activation-week"));
    }

    [Fact]
    public async Task Render_TwoWeeks_ShowsActivationCounts()
    {
        await SeedWorldAsync();
        const ulong g = World.Guild;
        await Store.WriteAsync(
            TestEvents.Join(g, Hank, "hank", At(10, 9)),
            TestEvents.Message(g, World.General, Hank, At(10, 12), 7, "hello"),
            TestEvents.Join(g, Ivy, "ivy", At(9, 9)),
            TestEvents.Message(g, World.General, Ivy, At(4, 9), 7, "first post"),
            TestEvents.Join(g, Jack, "jack", At(12, 9)));

        var cut = Render<MembersCard>(p => p.Add(c => c.Query, new AnalyticsQuery(g, AnalyticsWindow.Last(14, Today), AnalyticsQuery.DefaultTop, false)));

        // New: hank (posted after 3 h), ivy (after 5 days), jack (silent), dave (silent), frank (joined today).
        cut.WaitForAssertion(() => Assert.Equal("2 of 3 new members posted within 7 days (67%) (2 joined less than 7 days ago)", Text(cut, "activation-week")));
        Assert.Equal("1 of 4 new members posted within 24 hours (25%) (1 joined less than 24 hours ago)", Text(cut, "activation-day"));
        Assert.Equal(("5", "new"), Tile(cut, "joins"));
        Assert.Equal(("+3", "+3"), Tile(cut, "net"));
    }

    [Fact]
    public async Task Render_WindowWithoutJoinsOrLeaves_ShowsEmptyState()
    {
        await SeedWorldAsync();

        var cut = Render<MembersCard>(p => p.Add(c => c.Query, QuietWeek()));

        cut.WaitForAssertion(() => Assert.Equal("No joins or leaves in this window", cut.Find("[data-testid=card-empty]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=members-joins-value]"));
    }

    [Fact]
    public async Task LiveRefresh_NewJoinAndFirstPost_ShowsNewNumbers()
    {
        await SeedWorldAsync();
        var cut = Render<MembersCard>(p => p.Add(c => c.Query, Last7Days()));
        cut.WaitForAssertion(() => Assert.Equal(("2", "new"), Tile(cut, "joins")));

        // hank joined yesterday morning and posted within the hour: his 24 hours are over.
        await Store.WriteAsync(
            TestEvents.Join(World.Guild, Hank, "hank", At(1, 9)),
            TestEvents.Message(World.Guild, World.General, Hank, At(1, 10), 7, "hello"));
        PublishAndTick(World.Guild);

        cut.WaitForAssertion(() => Assert.Equal(("3", "new"), Tile(cut, "joins")));
        Assert.Equal("1 of 2 new members posted within 24 hours (50%) (1 joined less than 24 hours ago)", Text(cut, "activation-day"));
    }

    [Fact]
    public void RateText_NobodyJoined_SaysThereIsNothingToMeasure()
    {
        Assert.Equal("No new members to measure within 7 days", MembersCard.RateText(ActivationRate.FromCounts(0, 0, 0), "7 days"));
    }

    private static (string Value, string Change) Tile(IRenderedComponent<MembersCard> cut, string key) =>
        (cut.Find($"[data-testid=members-{key}-value]").TextContent.Trim(), cut.Find($"[data-testid=members-{key}-change]").TextContent.Trim());

    private static string Text(IRenderedComponent<MembersCard> cut, string testId) =>
        cut.Find($"[data-testid={testId}]").TextContent.Trim();
}
