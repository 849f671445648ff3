using Bunit;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Components.Cards;

namespace DiscordAnalytics.Tests.Web.Components;

public sealed class InvitesCardTests : DashboardTestContext
{
    [Fact]
    public async Task Render_AttributedJoins_ListsInvitesByJoinsWithInviterUnknownAndVanity()
    {
        await SeedWorldAsync();
        const ulong carol = 930_000_000_000_000_001, dave = 930_000_000_000_000_002, erin = 930_000_000_000_000_003, finn = 930_000_000_000_000_004;
        await Store.WriteAsync(
            TestEvents.InvitesStatus(World.Guild, InvitesStatuses.Ok, At(3)),
            TestEvents.Invite(World.Guild, "tutorial", World.Alice, 2, At(3)),
            TestEvents.Invite(World.Guild, "candlestick", null, 1, At(3), vanity: true),
            TestEvents.Join(World.Guild, carol, "carol2", At(2, 9)),
            TestEvents.Join(World.Guild, dave, "dave2", At(2, 10)),
            TestEvents.Join(World.Guild, erin, "erin2", At(2, 11)),
            TestEvents.Join(World.Guild, finn, "finn2", At(2, 12)),
            TestEvents.Attributed(World.Guild, carol, "tutorial", At(2, 9)),
            TestEvents.Attributed(World.Guild, dave, "tutorial", At(2, 10)),
            TestEvents.Attributed(World.Guild, erin, "candlestick", At(2, 11)),
            TestEvents.Attributed(World.Guild, finn, null, At(2, 12)),
            TestEvents.Message(World.Guild, World.General, carol, At(1, 9), 71, "hi all"));

        var cut = Render<InvitesCard>(p => p.Add(c => c.Query, Last7Days()));

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=invite-row]").Count));
        Assert.Equal(["tutorial", "candlestick (vanity URL)", "unknown"], cut.FindAll("[data-testid=invite-code]").Select(e => e.TextContent.Trim()));
        Assert.Equal(["alice", "–", "–"], cut.FindAll("[data-testid=invite-inviter]").Select(e => e.TextContent.Trim()));
        Assert.Equal(["2", "1", "1"], cut.FindAll("[data-testid=invite-joins]").Select(e => e.TextContent.Trim()));
        Assert.Equal(["1", "0", "0"], cut.FindAll("[data-testid=invite-posted]").Select(e => e.TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=invites-missing-permission]"));
        Assert.Contains("export/invites.csv", cut.Find("[data-testid=card-export]").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_MissingPermission_ExplainsAndNamesManageServer()
    {
        await SeedWorldAsync();
        await Store.WriteAsync(TestEvents.InvitesStatus(World.Guild, InvitesStatuses.MissingPermission, At(1)));

        var cut = Render<InvitesCard>(p => p.Add(c => c.Query, Last7Days()));

        cut.WaitForAssertion(() => Assert.Contains("Manage Server", cut.Find("[data-testid=invites-missing-permission]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=card-empty]"));
    }

    [Fact]
    public async Task Render_OtherRefusal_SaysWhatFailedWithoutNamingAPermission()
    {
        await SeedWorldAsync();
        await Store.WriteAsync(TestEvents.InvitesStatus(World.Guild, InvitesStatuses.Unreadable(403, 50001), At(1)));

        var cut = Render<InvitesCard>(p => p.Add(c => c.Query, Last7Days()));

        cut.WaitForAssertion(() => Assert.Contains("HTTP 403 (error code 50001)", cut.Find("[data-testid=invites-unreadable]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=invites-missing-permission]"));
        Assert.DoesNotContain("Manage Server", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=card-empty]"));
    }

    [Fact]
    public async Task Render_ReadFailed_SaysWhatFailedWhenAndThatItIsReadAgain()
    {
        await SeedWorldAsync();
        await Store.WriteAsync(TestEvents.InvitesStatus(World.Guild, InvitesStatuses.ReadFailed(InvitesStatuses.HttpFailure, 503), At(1, 14)));

        var cut = Render<InvitesCard>(p => p.Add(c => c.Query, Last7Days()));

        cut.WaitForAssertion(() => Assert.Contains("Discord answered HTTP 503 to the invites list", cut.Find("[data-testid=invites-read-failed]").TextContent, StringComparison.Ordinal));
        var alert = cut.Find("[data-testid=invites-read-failed]").TextContent;
        Assert.Contains(DateTimeOffset.FromUnixTimeMilliseconds(At(1, 14)).ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture), alert, StringComparison.Ordinal);
        Assert.Contains("read again at the next join, the next connection", alert, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=invites-unreadable]"));
        Assert.Empty(cut.FindAll("[data-testid=invites-missing-permission]"));
        Assert.Empty(cut.FindAll("[data-testid=card-empty]"));
    }

    [Fact]
    public async Task Render_QuietWeek_SaysNoAttributedJoins()
    {
        await SeedWorldAsync();

        var cut = Render<InvitesCard>(p => p.Add(c => c.Query, QuietWeek()));

        cut.WaitForAssertion(() => Assert.Equal("No attributed joins in this window", cut.Find("[data-testid=card-empty]").TextContent.Trim()));
    }
}
