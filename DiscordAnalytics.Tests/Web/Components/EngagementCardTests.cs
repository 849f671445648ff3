using System.Globalization;
using Bunit;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Engagement;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Components.Cards;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Interop;

namespace DiscordAnalytics.Tests.Web.Components;

public sealed class EngagementCardTests : DashboardTestContext
{
    private const ulong Newcomer = 920_000_000_000_000_077;

    [Fact]
    public async Task Render_SeededWeek_DrawsDailyWeeklyMonthlyLinesAndTheLastDaysNumbers()
    {
        await SeedWorldAsync();
        JSInterop.Setup<ElementSize>("mudObserveElementSize", _ => true).SetResult(new ElementSize { Width = 1000, Height = 300 });
        var expected = (await Services.GetRequiredService<EngagementQuery>().RunAsync(Last7Days(), CancellationToken.None)).Daily;

        var cut = Render<EngagementCard>(p => p.Add(c => c.Query, Last7Days()));

        cut.WaitForAssertion(() => Assert.Equal(expected[^1].Mau.ToString(CultureInfo.InvariantCulture), cut.Find("[data-testid=engagement-mau]").TextContent.Trim()));
        Assert.True(expected[^1].Mau > 0);
        Assert.Equal(expected[^1].Dau.ToString(CultureInfo.InvariantCulture), cut.Find("[data-testid=engagement-dau]").TextContent.Trim());
        Assert.Equal(expected[^1].Wau.ToString(CultureInfo.InvariantCulture), cut.Find("[data-testid=engagement-wau]").TextContent.Trim());
        Assert.Equal(EngagementCard.AverageStickiness(expected), cut.Find("[data-testid=engagement-stickiness]").TextContent.Trim());
        Assert.EndsWith("%", cut.Find("[data-testid=engagement-stickiness]").TextContent.Trim(), StringComparison.Ordinal);
        cut.WaitForAssertion(() => Assert.Equal(["Daily active", "Weekly active", "Monthly active"], cut.FindAll(".mud-chart-legend-item").Select(l => l.TextContent.Trim())));
        Assert.Contains("engagement.csv", cut.Find("[data-testid=card-export]").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void AverageStickiness_MeanOfTheDaysThatHaveMonthlyMembers_AsAPercentage()
    {
        var day = new DateOnly(2026, 11, 19);
        EngagementDay[] days = [new(day, 1, 2, 4), new(day.AddDays(1), 3, 3, 4), new(day.AddDays(2), 0, 0, 0)];

        Assert.Equal("50%", EngagementCard.AverageStickiness(days));
        Assert.Equal("–", EngagementCard.AverageStickiness([days[2]]));
    }

    [Fact]
    public async Task LiveRefresh_ANewMemberPostsToday_RaisesTodaysDailyActive()
    {
        await SeedWorldAsync();
        var cut = Render<EngagementCard>(p => p.Add(c => c.Query, Last7Days()));
        cut.WaitForAssertion(() => Assert.NotEqual("–", cut.Find("[data-testid=engagement-dau]").TextContent.Trim()));
        var before = long.Parse(cut.Find("[data-testid=engagement-dau]").TextContent.Trim(), CultureInfo.InvariantCulture);

        await Store.WriteAsync(TestEvents.Message(World.Guild, World.General, Newcomer, At(0, 14), 7, "hello"));
        PublishAndTick(World.Guild);

        cut.WaitForAssertion(() => Assert.Equal((before + 1).ToString(CultureInfo.InvariantCulture), cut.Find("[data-testid=engagement-dau]").TextContent.Trim()));
    }
}
