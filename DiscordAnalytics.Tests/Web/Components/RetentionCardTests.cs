using Bunit;
using DiscordAnalytics.Core.Analytics.Cohorts;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Components.Cards;
using Microsoft.Extensions.DependencyInjection;

namespace DiscordAnalytics.Tests.Web.Components;

/// <summary>The Retention card over a real store: the triangle of the last 12 join weeks, its tooltips, export and empty state.</summary>
public sealed class RetentionCardTests : DashboardTestContext
{
    private const ulong Ivy = 920_000_000_000_000_031, Jo = 920_000_000_000_000_032;

    [Fact]
    public async Task Render_TwoJoinersOneBack_TriangleWithShareAndCountInTheTooltip()
    {
        // Today is Thursday Nov 19: Monday Nov 9 is the last whole week's first day (UTC).
        await SeedWorldAsync();
        await Store.WriteAsync(
            TestEvents.Join(World.Guild, Ivy, "ivy", At(10, 9)),
            TestEvents.Join(World.Guild, Jo, "jo", At(9, 9)),
            TestEvents.Message(World.Guild, World.General, Ivy, At(2, 12), 31, "back again"));

        var cut = Render<RetentionCard>(p => p.Add(c => c.Query, Last7Days()));

        cut.WaitForAssertion(() => Assert.Equal("ready", cut.Find("[data-testid=card-retention]").GetAttribute("data-state")));
        var rows = cut.FindAll("[data-testid=retention-row]");
        Assert.Equal(CohortRetentionQuery.DefaultWeeks, rows.Count);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => 12 - i), rows.Select(r => r.QuerySelectorAll("[data-testid=retention-cell]").Length));
        var last = rows[^1];
        Assert.Equal("2026-11-09", last.GetAttribute("data-week"));
        Assert.Equal("2", last.QuerySelector("[data-testid=retention-members]")!.TextContent.Trim());
        var cell = last.QuerySelector("[data-testid=retention-cell]")!;
        Assert.StartsWith("50%", cell.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("1 of 2 active in the 1st week after joining (this week, so far)", cell.GetAttribute("title"));
        Assert.Equal("false", cell.GetAttribute("data-complete"));
        Assert.Contains("–", rows[0].QuerySelector("[data-testid=retention-cell]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("retention.csv", cut.Find("[data-testid=card-export]").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_NobodyJoinedInTwelveWeeks_EmptyState()
    {
        await SeedWorldAsync();

        var cut = Render<RetentionCard>(p => p.Add(c => c.Query, Last7Days(World.OtherGuild)));

        cut.WaitForAssertion(() => Assert.Equal("empty", cut.Find("[data-testid=card-retention]").GetAttribute("data-state")));
        Assert.Contains("Nobody joined in the last 12 weeks", cut.Find("[data-testid=card-empty]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_AnyCohort_MatchesTheQuery()
    {
        await SeedWorldAsync();
        await Store.WriteAsync(TestEvents.Join(World.Guild, Ivy, "ivy", At(20, 9)), TestEvents.Message(World.Guild, World.General, Ivy, At(12, 12), 32, "hi"));
        var expected = (await Services.GetRequiredService<CohortRetentionQuery>().RunAsync(World.Guild, 12, false, CancellationToken.None))!;

        var cut = Render<RetentionCard>(p => p.Add(c => c.Query, Last7Days()));

        cut.WaitForAssertion(() => Assert.Equal("ready", cut.Find("[data-testid=card-retention]").GetAttribute("data-state")));
        Assert.Equal(
            expected.Cohorts.SelectMany(c => c.Weeks.Select(w => w.Active.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            cut.FindAll("[data-testid=retention-cell]").Select(c => c.GetAttribute("data-active")!));
        Assert.Contains(expected.Cohorts, c => c.Weeks.Any(w => w.Active > 0));
    }
}
