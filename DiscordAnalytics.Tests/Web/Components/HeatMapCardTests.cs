using Bunit;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Components.Cards;
using Microsoft.Extensions.DependencyInjection;

namespace DiscordAnalytics.Tests.Web.Components;

/// <summary>
/// The heat map card over the seeded world (today is Thursday 2026-11-19): 9 human messages in the last 7 days,
/// one per slot, at Tue 14-16, Wed 08, 11 and 21, Thu 09-11 UTC.
/// </summary>
public sealed class HeatMapCardTests : DashboardTestContext
{
    [Fact]
    public async Task Render_SeededWeekInUtc_OneCellPerMessageSlotAndTheBusiestNamed()
    {
        await SeedWorldAsync();

        var cut = Render<HeatMapCard>(p => p.Add(c => c.Query, Last7Days()));

        cut.WaitForAssertion(() => Assert.Equal(
            [("Tue", 14, 1), ("Tue", 15, 1), ("Tue", 16, 1), ("Wed", 8, 1), ("Wed", 11, 1), ("Wed", 21, 1), ("Thu", 9, 1), ("Thu", 10, 1), ("Thu", 11, 1)],
            Filled(cut)));
        Assert.Equal(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], cut.FindAll("[data-testid=heat-row]").Select(r => r.GetAttribute("data-day")));
        Assert.All(cut.FindAll("[data-testid=heat-row]"), row => Assert.Equal(24, row.QuerySelectorAll("[data-testid=heat-cell]").Length));
        Assert.Equal("Busiest: Tue 14:00-15:00 (1 message)", Busiest(cut));
        Assert.Equal("Wed 21:00-22:00: 1 message", cut.Find("[data-testid=heat-row][data-day=Wed] [data-hour='21']").GetAttribute("title"));
        Assert.Equal("Mon 00:00-01:00: 0 messages", cut.Find("[data-testid=heat-row][data-day=Mon] [data-hour='0']").GetAttribute("title"));
    }

    [Fact]
    public async Task Render_GuildInKathmandu_CellsShiftByFiveHoursFortyFive()
    {
        await SeedWorldAsync();
        Assert.Equal(TimeZoneUpdate.Saved, await Services.GetRequiredService<GuildTimeZone>().SetAsync((long)World.Guild, "Asia/Kathmandu", CancellationToken.None));

        var cut = Render<HeatMapCard>(p => p.Add(c => c.Query, Last7Days()));

        // 14:00 UTC is 19:45 local; Wed 21:00 UTC is Thu 02:45 local.
        cut.WaitForAssertion(() => Assert.Equal(
            [("Tue", 19, 1), ("Tue", 20, 1), ("Tue", 21, 1), ("Wed", 13, 1), ("Wed", 16, 1), ("Thu", 2, 1), ("Thu", 14, 1), ("Thu", 15, 1), ("Thu", 16, 1)],
            Filled(cut)));
        Assert.Contains("Asia/Kathmandu", cut.Find("[data-testid=card-heat-map]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowNumbers_Switched_WritesEachCountInItsCell_ForKeyboardsAndTouchScreens()
    {
        await SeedWorldAsync();
        var cut = Render<HeatMapCard>(p => p.Add(c => c.Query, Last7Days()));
        cut.WaitForAssertion(() => Assert.Equal(9, Filled(cut).Count));

        // Before: the counts are in the table for screen readers only (and in the hover titles).
        Assert.Empty(cut.FindAll(".da-heat-count"));
        Assert.Equal(7 * 24, cut.FindAll("[data-testid=heat-cell] .da-sr-only").Count);

        cut.Find("[data-testid=heat-map-numbers] input").Change(true);

        cut.WaitForAssertion(() => Assert.Equal(7 * 24, cut.FindAll("[data-testid=heat-cell] .da-heat-count").Count));
        Assert.Equal("1", cut.Find("[data-testid=heat-row][data-day=Wed] [data-hour='21'] .da-heat-count").TextContent);
        Assert.Equal("0", cut.Find("[data-testid=heat-row][data-day=Mon] [data-hour='0'] .da-heat-count").TextContent);
    }

    [Fact]
    public async Task Render_TheScrollingTable_IsAFocusableNamedRegion()
    {
        await SeedWorldAsync();

        var cut = Render<HeatMapCard>(p => p.Add(c => c.Query, Last7Days()));

        cut.WaitForAssertion(() => Assert.Equal(9, Filled(cut).Count));
        var region = cut.Find(".da-heat-scroll");
        Assert.Equal("0", region.GetAttribute("tabindex"));
        Assert.Equal("region", region.GetAttribute("role"));
        Assert.Contains("scrolls sideways", region.GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.Equal("Scroll sideways for all 24 hours.", cut.Find("[data-testid=heat-map-scroll-hint]").TextContent.Trim());
    }

    [Fact]
    public async Task Render_WindowWithoutActivity_ShowsEmptyState()
    {
        await SeedWorldAsync();

        var cut = Render<HeatMapCard>(p => p.Add(c => c.Query, QuietWeek()));

        cut.WaitForAssertion(() => Assert.Equal("No activity in this window", cut.Find("[data-testid=card-empty]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=heat-cell]"));
    }

    [Fact]
    public async Task LiveRefresh_NewMessages_UpdatesTheCellAndTheBusiestSlot()
    {
        await SeedWorldAsync();
        var cut = Render<HeatMapCard>(p => p.Add(c => c.Query, Last7Days()));
        cut.WaitForAssertion(() => Assert.Equal(9, Filled(cut).Count));

        var burst = Enumerable.Range(1, 3)
            .Select(n => TestEvents.Message(World.Guild, World.Random, World.Carol, At(0, 14, n), (ulong)n, $"burst {n}"))
            .ToArray();
        await Store.WriteAsync(burst);
        PublishAndTick(World.Guild);

        cut.WaitForAssertion(() => Assert.Equal("Busiest: Thu 14:00-15:00 (3 messages)", Busiest(cut)));
        Assert.Contains(("Thu", 14, 3), Filled(cut));
    }

    private static string Busiest(IRenderedComponent<HeatMapCard> cut) =>
        string.Join(' ', cut.Find("[data-testid=heat-map-busiest]").TextContent.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

    private static List<(string Day, int Hour, int Count)> Filled(IRenderedComponent<HeatMapCard> cut) =>
        [.. cut.FindAll("[data-testid=heat-row]").SelectMany(row => row.QuerySelectorAll("[data-testid=heat-cell]")
            .Select(cell => (row.GetAttribute("data-day")!, int.Parse(cell.GetAttribute("data-hour")!), int.Parse(cell.GetAttribute("data-count")!))))
            .Where(c => c.Item3 > 0)];
}
