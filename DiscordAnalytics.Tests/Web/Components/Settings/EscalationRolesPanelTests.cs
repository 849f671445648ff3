using Bunit;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Components.Settings;
using Microsoft.Extensions.DependencyInjection;

namespace DiscordAnalytics.Tests.Web.Components.Settings;

/// <summary>The escalation-roles panel over the seeded world plus two roles, saving through the real service.</summary>
public sealed class EscalationRolesPanelTests : DashboardTestContext
{
    private const ulong Mods = 910_000_000_000_000_031;
    private const ulong Helpers = 910_000_000_000_000_032;

    private async Task<IRenderedComponent<EscalationRolesPanel>> RenderSeededAsync(ulong guild = World.Guild)
    {
        await SeedWorldAsync();
        await Store.WriteAsync(TestEvents.Role(World.Guild, Mods, "moderators", At(1, 9)), TestEvents.Role(World.Guild, Helpers, "Helpers", At(1, 9)));
        Services.AddSingleton<EscalationRoleSettings>();
        return Render<EscalationRolesPanel>(p => p.Add(c => c.GuildId, guild));
    }

    [Fact]
    public async Task Save_CheckModerators_StoredAndShownChecked()
    {
        var cut = await RenderSeededAsync();
        cut.WaitForAssertion(() => Assert.Contains(("@moderators", false), Boxes(cut)));
        Assert.DoesNotContain(Boxes(cut), b => b.Checked);

        cut.Find($"[data-role-id='{Mods}'] input").Change(true);
        cut.Find("[data-testid=escalation-roles-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Saved: 1 escalation role.", cut.Find("[data-testid=escalation-roles-message]").TextContent.Trim()));
        var stored = await Services.GetRequiredService<EscalationRoleSettings>().GetAsync((long)World.Guild, CancellationToken.None);
        Assert.Equal([Mods.ToString()], stored!.Where(c => c.IsEscalationRole).Select(c => c.RoleId));
        Assert.Equal([("@moderators", true)], Boxes(cut).Where(b => b.Checked));
    }

    [Fact]
    public async Task Render_UnknownGuild_SaysSoInsteadOfAList()
    {
        var cut = await RenderSeededAsync(guild: 123_456_789);

        cut.WaitForAssertion(() => Assert.Equal("This guild is not in the store.", cut.Find("[data-testid=escalation-roles-message]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=escalation-role]"));
    }

    private static List<(string Name, bool Checked)> Boxes(IRenderedComponent<EscalationRolesPanel> cut) =>
        [.. cut.FindAll("[data-testid=escalation-role]").Select(box => (
            box.QuerySelector("[data-testid=escalation-role-name]")!.TextContent.Trim(),
            box.QuerySelector(".mud-checkbox-true") is not null))];
}
