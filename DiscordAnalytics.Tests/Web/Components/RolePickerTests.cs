using Bunit;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Components.Pages.Dashboard;
using DiscordAnalytics.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Web.Components;

/// <summary>The dashboard's role picker and the role in the address: member-level cards follow it, the others say they do not.</summary>
public sealed class RolePickerTests : DashboardTestContext
{
    private const ulong Subs = 930_000_000_000_000_001;

    [Fact]
    public async Task Render_RoleIdInAddress_MemberCardsShowHoldersOnlyAndChannelCardsSaySo()
    {
        await SeedRolesAsync();
        Navigate($"dashboard?guildId={World.Guild}&roleId={Subs}");

        var cut = Render<Dashboard>();

        cut.WaitForAssertion(() => Assert.Equal(["carol"], cut.FindAll("[data-testid=card-top-members] [data-testid=member-name]").Select(n => n.TextContent)));
        Assert.Equal("role holders only", cut.Find("[data-testid=card-top-members] [data-testid=card-role-scope]").TextContent.Trim());
        Assert.Equal("not filtered by role", cut.Find("[data-testid=card-top-channels] [data-testid=card-role-scope]").TextContent.Trim());
        Assert.Contains($"roleId={Subs}", cut.Find("[data-testid=card-top-members] [data-testid=card-export]").GetAttribute("href"), StringComparison.Ordinal);
        Assert.Single(cut.FindAll("[data-testid=role-picker]"));
        Assert.Empty(cut.FindAll("[data-testid=role-notice]"));
    }

    [Fact]
    public async Task PickRole_WritesItIntoTheAddressAndFiltersTheCards()
    {
        await SeedRolesAsync();
        Navigate($"dashboard?guildId={World.Guild}");
        var cut = Render<Dashboard>();
        cut.WaitForAssertion(() => Assert.Contains("alice", cut.FindAll("[data-testid=card-top-members] [data-testid=member-name]").Select(n => n.TextContent)));

        var picker = cut.FindComponent<RolePicker>();
        await cut.InvokeAsync(() => picker.Instance.RoleChanged.InvokeAsync(Subs.ToString()));

        cut.WaitForAssertion(() => Assert.Equal(["carol"], cut.FindAll("[data-testid=card-top-members] [data-testid=member-name]").Select(n => n.TextContent)));
        cut.WaitForAssertion(() => Assert.Equal(
            new object?[] { $"http://localhost/dashboard?guildId={World.Guild}", $"http://localhost/dashboard?guildId={World.Guild}&roleId={Subs}" },
            Assert.Single(JSInterop.Invocations[BrowserAddress.ReplaceIfStillAtFunction]).Arguments));
    }

    [Fact]
    public async Task Render_UnknownRoleInAddress_ShowsEveryoneWithANotice()
    {
        await SeedRolesAsync();
        Navigate($"dashboard?guildId={World.Guild}&roleId=42");

        var cut = Render<Dashboard>();

        cut.WaitForAssertion(() => Assert.Contains("roleId", cut.Find("[data-testid=role-notice]").TextContent, StringComparison.Ordinal));
        cut.WaitForAssertion(() => Assert.Contains("alice", cut.FindAll("[data-testid=card-top-members] [data-testid=member-name]").Select(n => n.TextContent)));
        Assert.Empty(cut.FindAll("[data-testid=card-role-scope]"));
    }

    private void Navigate(string relative) => Services.GetRequiredService<NavigationManager>().NavigateTo(relative);

    private async Task SeedRolesAsync()
    {
        await SeedWorldAsync();
        await Store.WriteAsync(
            Role(World.Guild, Subs, "subscribers", At(20)),
            MemberRoles(World.Guild, World.Carol, At(20, 1), Subs),
            MemberRoles(World.Guild, World.Alice, At(20, 1)),
            RoleSnapshot(World.Guild, At(20, 1)));
    }
}
