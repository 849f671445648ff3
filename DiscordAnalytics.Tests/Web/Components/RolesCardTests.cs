using Bunit;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Components.Cards;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Web.Components;

/// <summary>The Roles card over roles and role spans written by the real writer (today is Thursday 2026-11-19).</summary>
public sealed class RolesCardTests : DashboardTestContext
{
    private const ulong Subs = 930_000_000_000_000_001;
    private const ulong Mods = 930_000_000_000_000_002;

    [Fact]
    public async Task Render_RolesWithHoldersAndChanges_TableChangesAndExactFrom()
    {
        await SeedWorldAsync();
        await Store.WriteAsync(
            Role(World.Guild, Subs, "subscribers", At(20)),
            Role(World.Guild, Mods, "moderators", At(20)),
            MemberRoles(World.Guild, World.Alice, At(20, 1), Subs),
            MemberRoles(World.Guild, World.Bob, At(20, 1), Subs),
            MemberRoles(World.Guild, World.Carol, At(20, 1)),
            RoleSnapshot(World.Guild, At(20, 1)),
            // In the window: Carol becomes a moderator, Bob stops being a subscriber.
            MemberRoles(World.Guild, World.Carol, At(2, 9), Mods),
            MemberRoles(World.Guild, World.Bob, At(1, 9)));

        var cut = Render<RolesCard>(p => p.Add(c => c.Query, Last7Days()));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=role-row]").Count));
        Assert.Equal(["subscribers", "moderators"], cut.FindAll("[data-testid=role-name]").Select(n => n.TextContent));
        Assert.Equal(["2", "1"], cut.FindAll("[data-testid=role-members]").Select(n => n.TextContent.Trim()));
        // Alice (4 messages in the week) and Bob (3: one of his 4 deleted) held subscribers; Carol (2) became a moderator.
        Assert.Equal(["2", "1"], cut.FindAll("[data-testid=role-active]").Select(n => n.TextContent));
        Assert.Equal(["7", "2"], cut.FindAll("[data-testid=role-messages]").Select(n => n.TextContent));
        Assert.StartsWith("1 role holdings gained · 1 lost in the window", cut.Find("[data-testid=role-changes]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("exact from Oct 30, 2026 01:00 UTC", cut.Find("[data-testid=card-roles]").TextContent, StringComparison.Ordinal);
        Assert.Contains("roles.csv", cut.Find("[data-testid=card-roles]").InnerHtml, StringComparison.Ordinal);
        // No role filter: no card says anything about one.
        Assert.Empty(cut.FindAll("[data-testid=card-role-scope]"));
    }

    [Fact]
    public async Task Render_NoCompleteMemberList_SaysRolesAreNotExactYet()
    {
        await SeedWorldAsync();
        await Store.WriteAsync(Role(World.Guild, Subs, "subscribers", At(20)), MemberRoles(World.Guild, World.Alice, At(20, 1), Subs));

        var cut = Render<RolesCard>(p => p.Add(c => c.Query, Last7Days()));

        cut.WaitForAssertion(() => Assert.Contains("not exact yet", cut.Find("[data-testid=card-roles]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Render_NoRoles_SaysSo()
    {
        await SeedWorldAsync();

        var cut = Render<RolesCard>(p => p.Add(c => c.Query, Last7Days()));

        cut.WaitForAssertion(() => Assert.Equal("empty", cut.Find("[data-testid=card-roles]").GetAttribute("data-state")));
    }
}
