using Bunit;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Demo;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Components.Cards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DiscordAnalytics.Tests.Web.Components;

/// <summary>The Support card over the demo community's last week: it shows escalations, a resolved share and resolution times.</summary>
public sealed class DemoSupportCardTests : DashboardTestContext
{
    [Fact]
    public async Task Render_DemoWeek_ShowsEscalationsResolvedShareAndResolutionTimes()
    {
        var community = DemoCommunity.Create(42);
        var now = Now.ToUnixTimeMilliseconds();
        await Store.WriteInBatchesAsync(community.History(now - 8 * DemoRhythm.DayMs, now), batchSize: 5_000);
        var roles = new EscalationRoleSettings(Services.GetRequiredService<IDbContextFactory<AnalyticsDbContext>>());
        Assert.Equal(EscalationRolesUpdate.Saved, await roles.SetAsync((long)community.GuildId, [(long)community.ModeratorsRoleId], CancellationToken.None));

        var cut = Render<SupportCard>(p => p.Add(c => c.Query, Last7Days(community.GuildId)));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=support-escalation]")), TimeSpan.FromSeconds(30));
        Assert.True(int.Parse(cut.Find("[data-testid=support-escalations]").TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        var share = cut.Find("[data-testid=support-resolved-share]").TextContent.Trim();
        Assert.EndsWith("%", share, StringComparison.Ordinal);
        Assert.NotEqual("0%", share);
        Assert.NotEqual("100%", share);
        Assert.NotEqual("none resolved", cut.Find("[data-testid=support-resolution-median]").TextContent.Trim());
        var reasons = cut.FindAll("[data-testid=support-escalation]").Select(e => e.GetAttribute("data-reason")).ToHashSet();
        Assert.Contains("roleMention", reasons);
    }
}
