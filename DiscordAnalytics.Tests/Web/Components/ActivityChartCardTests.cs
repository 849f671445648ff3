using Bunit;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Components.Cards;
using MudBlazor.Interop;

namespace DiscordAnalytics.Tests.Web.Components;

public sealed class ActivityChartCardTests : DashboardTestContext
{
    [Fact]
    public async Task Render_SeededWeek_DrawsTwoSeriesWithDayLabelsAndTotals()
    {
        await SeedWorldAsync();
        // The chart fills its box: it draws once the browser has told it the box's size.
        JSInterop.Setup<ElementSize>("mudObserveElementSize", _ => true).SetResult(new ElementSize { Width = 1000, Height = 300 });

        var cut = Render<ActivityChartCard>(p => p.Add(c => c.Query, Last7Days()));

        cut.WaitForAssertion(() => Assert.Equal("9", cut.Find("[data-testid=activity-messages]").TextContent.Trim()));
        Assert.Equal("4", cut.Find("[data-testid=activity-reactions]").TextContent.Trim());
        // Busiest day: 2 days ago (3 setup messages + 3 reactions).
        Assert.Equal("Nov 17", cut.Find("[data-testid=activity-peak]").TextContent.Trim());
        // Find the chart inside the wait: it redraws once its size is known, and an element found earlier
        // would be a stale snapshot.
        cut.WaitForAssertion(() => Assert.Contains("Nov 13", cut.Find("[data-testid=card-activity] .mud-chart svg").TextContent, StringComparison.Ordinal));
        var chart = cut.Find("[data-testid=card-activity] .mud-chart svg");
        Assert.Contains("Nov 13", chart.TextContent, StringComparison.Ordinal);
        Assert.Contains("Nov 19", chart.TextContent, StringComparison.Ordinal);
        Assert.Equal(7, chart.QuerySelectorAll("text").Count(t => t.TextContent.StartsWith("Nov ", StringComparison.Ordinal)));
        Assert.Equal(["Messages", "Reactions"], cut.FindAll(".mud-chart-legend-item").Select(l => l.TextContent.Trim()));
    }

    [Fact]
    public void Labels_NinetyDays_ThinsOutAndKeepsToday()
    {
        var days = Enumerable.Range(0, 90).Select(i => new DateOnly(2026, 8, 22).AddDays(i)).ToList();

        var labels = ActivityChartCard.Labels(days);

        Assert.Equal(90, labels.Length);
        Assert.InRange(labels.Count(l => l.Length > 0), 8, ActivityChartCard.MaxLabels);
        Assert.Equal("Nov 19", labels[^1]);
    }

    [Fact]
    public async Task Render_WindowWithoutActivity_ShowsEmptyState()
    {
        await SeedWorldAsync();

        var cut = Render<ActivityChartCard>(p => p.Add(c => c.Query, QuietWeek()));

        cut.WaitForAssertion(() => Assert.Equal("No activity in this window", cut.Find("[data-testid=card-empty]").TextContent.Trim()));
    }

    [Fact]
    public async Task LiveRefresh_NewMessagesToday_UpdatesTheTotals()
    {
        await SeedWorldAsync();
        var cut = Render<ActivityChartCard>(p => p.Add(c => c.Query, Last7Days()));
        cut.WaitForAssertion(() => Assert.Equal("9", cut.Find("[data-testid=activity-messages]").TextContent.Trim()));

        await Store.WriteAsync(
            TestEvents.Message(World.Guild, World.General, World.Carol, At(0, 14), 1, "a"),
            TestEvents.Message(World.Guild, World.General, World.Carol, At(0, 14), 2, "b"));
        PublishAndTick(World.Guild);

        cut.WaitForAssertion(() => Assert.Equal("11", cut.Find("[data-testid=activity-messages]").TextContent.Trim()));
    }

    [Fact]
    public async Task Render_QueryChanges_LoadsTheNewWindow()
    {
        await SeedWorldAsync();
        var cut = Render<ActivityChartCard>(p => p.Add(c => c.Query, Last7Days()));
        cut.WaitForAssertion(() => Assert.Equal("9", cut.Find("[data-testid=activity-messages]").TextContent.Trim()));

        cut.Render(p => p.Add(c => c.Query, Last7Days() with { Window = AnalyticsWindow.Last(30, Today) }));

        cut.WaitForAssertion(() => Assert.Equal("13", cut.Find("[data-testid=activity-messages]").TextContent.Trim()));
    }
}
