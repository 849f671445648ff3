using Bunit;
using DiscordAnalytics.Core.Demo;
using DiscordAnalytics.Core.Loops.ActivityRoles;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Components.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DiscordAnalytics.Tests.Web.Components.Settings;

/// <summary>
/// The activity-roles panel over the seeded world in demo mode, through the real services: rules saved from the form,
/// previewed, applied (simulated, on the demo's own roles) and logged newest first; a paused rule shows why.
/// In the world's last 7 days alice has 4 messages, bob 3, carol 2.
/// </summary>
public sealed class ActivityRolesPanelTests : DashboardTestContext
{
    private const long Role = 777_000_000_000_000_001;

    private async Task<IRenderedComponent<ActivityRolesPanel>> RenderSeededAsync()
    {
        await SeedWorldAsync();
        return Render<ActivityRolesPanel>(p => p.Add(c => c.GuildId, World.Guild));
    }

    [Fact]
    public async Task SavePreviewApply_NewRuleInDemo_GivesTheRoleSimulatedAndLogsItNewestFirst()
    {
        var cut = await RenderSeededAsync();
        cut.WaitForElement("[data-testid=activity-roles-add]").Click();
        cut.Find("[data-testid=rule-threshold]").Change("3");
        cut.Find("[data-testid=rule-days]").Change("7");
        cut.Find("[data-testid=rule-role]").Change(Role.ToString());
        cut.Find("[data-testid=activity-roles-act] input").Change(true);
        cut.Find("[data-testid=activity-roles-save]").Click();
        cut.WaitForAssertion(() => Assert.Equal("Saved: 1 rule, act on Discord on.", cut.Find("[data-testid=activity-roles-message]").TextContent.Trim()));

        cut.Find("[data-testid=activity-roles-preview]").Click();
        cut.WaitForAssertion(() => Assert.Equal($"Role {Role}: 2 gain (alice, bob), 0 lose (nobody)", Normalized(cut.Find("[data-testid=activity-roles-preview-rule]").TextContent)));

        cut.Find("[data-testid=activity-roles-apply]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Simulated: 2 added, 0 removed.", cut.Find("[data-testid=activity-roles-message]").TextContent.Trim()));
        Assert.Equal(["bob", "alice"], cut.FindAll("[data-testid=log-member]").Select(e => e.TextContent.Trim()));
        Assert.All(cut.FindAll("[data-testid=log-result]"), e => Assert.Equal("simulated", e.TextContent.Trim()));
        Assert.Equal("ok", cut.Find("[data-testid=rule-status]").TextContent.Trim());
        Assert.Equal([(ulong)Role], Services.GetRequiredService<DemoMemberRoles>().RolesOf(World.Guild, World.Bob));
    }

    [Fact]
    public async Task Save_ThresholdZero_SaysWhyAndStoresNothing()
    {
        var cut = await RenderSeededAsync();
        cut.WaitForElement("[data-testid=activity-roles-add]").Click();
        cut.Find("[data-testid=rule-threshold]").Change("0");
        cut.Find("[data-testid=rule-role]").Change(Role.ToString());

        cut.Find("[data-testid=activity-roles-save]").Click();

        cut.WaitForAssertion(() => Assert.StartsWith("Not saved: threshold must be", cut.Find("[data-testid=activity-roles-message]").TextContent.Trim()));
        var stored = await Services.GetRequiredService<RoleRulesSettings>().GetAsync((long)World.Guild, CancellationToken.None);
        Assert.Empty(stored!.Rules);
    }

    [Fact]
    public async Task Render_PausedRuleAndALongLog_ShowsTheReasonAndPagesTheLog()
    {
        await SeedWorldAsync();
        var settings = Services.GetRequiredService<RoleRulesSettings>();
        await settings.SetAsync((long)World.Guild, true, [new RoleRuleInput(null, RoleRuleKind.Messages, 1, 30, Role, true)], CancellationToken.None);
        await using (var db = Store.CreateDbContext())
        {
            var rule = await db.RoleRules.SingleAsync();
            (rule.Enabled, rule.Status, rule.StatusMessage) = (false, RoleRuleStatus.Paused, "Discord refused (403, code 50013): give the bot Manage Roles.");
            for (var i = 0; i < ActivityRolesPanel.LogPageSize + 2; i++)
            {
                db.RoleChanges.Add(new RoleChange { GuildId = (long)World.Guild, RuleId = rule.Id, RoleId = Role, UserId = (long)World.Carol, Action = RoleChangeAction.Add, Result = RoleChangeResult.Failed, Message = "refused", At = At(0) + i });
            }

            await db.SaveChangesAsync();
        }

        var cut = Render<ActivityRolesPanel>(p => p.Add(c => c.GuildId, World.Guild));

        cut.WaitForAssertion(() => Assert.Equal("Discord refused (403, code 50013): give the bot Manage Roles.", cut.Find("[data-testid=rule-status-message]").TextContent.Trim()));
        Assert.False(cut.Find("[data-testid=rule-enabled]").HasAttribute("checked"));
        Assert.Equal("Page 1 of 2", cut.Find("[data-testid=activity-roles-log-page]").TextContent.Trim());
        Assert.Equal(ActivityRolesPanel.LogPageSize, cut.FindAll("[data-testid=activity-roles-log-entry]").Count);
        cut.Find("[data-testid=activity-roles-log-older]").Click();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=activity-roles-log-entry]").Count));
    }

    private static string Normalized(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
