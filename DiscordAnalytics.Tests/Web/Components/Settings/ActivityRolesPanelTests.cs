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

    [Fact]
    public async Task RolePicker_StoredRoles_OffersAssignableOnesByNameAndColourAndSavesTheChosenId()
    {
        const ulong helpers = 777_000_000_000_000_010, regulars = 777_000_000_000_000_011, botRole = 777_000_000_000_000_012, gone = 777_000_000_000_000_013;
        await SeedWorldAsync();
        await Store.WriteAsync(
            TestEvents.Role(World.Guild, World.Guild, "@everyone", At(5), position: 0),
            TestEvents.Role(World.Guild, regulars, "Regulars", At(5), position: 2),
            TestEvents.Role(World.Guild, helpers, "Helpers", At(5), color: 0x3498DB, position: 5),
            TestEvents.Role(World.Guild, botRole, "Analytics bot", At(5), position: 6, managed: true),
            TestEvents.Role(World.Guild, gone, "Old", At(5), position: 1),
            TestEvents.RoleDelete(World.Guild, gone, At(4)));
        var cut = Render<ActivityRolesPanel>(p => p.Add(c => c.GuildId, World.Guild));
        cut.WaitForElement("[data-testid=activity-roles-add]").Click();

        var options = cut.FindAll("[data-testid=rule-role-option]");
        Assert.Equal([("● Helpers", $"{helpers}"), ("● Regulars", $"{regulars}")], options.Select(o => (o.TextContent.Trim(), o.GetAttribute("value")!)));
        Assert.Equal("color: #3498db", options[0].GetAttribute("style"));
        Assert.Null(options[1].GetAttribute("style"));
        Assert.Equal("SELECT", cut.Find("[data-testid=rule-role]").TagName);
        cut.Find("[data-testid=rule-kind]").Change(RoleRuleKind.Mentor.ToString());
        cut.Find("[data-testid=rule-threshold]").Change("3");
        cut.Find("[data-testid=rule-days]").Change("30");
        cut.Find("[data-testid=rule-role]").Change(helpers.ToString());
        cut.Find("[data-testid=activity-roles-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Saved: 1 rule, act on Discord off.", cut.Find("[data-testid=activity-roles-message]").TextContent.Trim()));
        var stored = await Services.GetRequiredService<RoleRulesSettings>().GetAsync((long)World.Guild, CancellationToken.None);
        Assert.Equal((RoleRuleKind.Mentor, 3L, 30, $"{helpers}"), (stored!.Rules.Single().Kind, stored.Rules.Single().Threshold, stored.Rules.Single().Days, stored.Rules.Single().RoleId));
        cut.WaitForAssertion(() => Assert.Equal($"{helpers}", cut.Find("[data-testid=rule-role]").GetAttribute("value")));
    }

    [Fact]
    public async Task RolePicker_RuleRoleNotAmongStoredRoles_StaysSelectableByItsId()
    {
        await SeedWorldAsync();
        await Store.WriteAsync(TestEvents.Role(World.Guild, 777_000_000_000_000_010, "Helpers", At(5)));
        await Services.GetRequiredService<RoleRulesSettings>().SetAsync((long)World.Guild, false, [new RoleRuleInput(null, RoleRuleKind.Messages, 1, 30, Role, true)], CancellationToken.None);

        var cut = Render<ActivityRolesPanel>(p => p.Add(c => c.GuildId, World.Guild));

        cut.WaitForAssertion(() => Assert.Equal($"role {Role} (not among the server's roles)", cut.Find("[data-testid=rule-role-unknown]").TextContent.Trim()));
        Assert.Equal($"{Role}", cut.Find("[data-testid=rule-role]").GetAttribute("value"));
    }

    private static string Normalized(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
