using Bunit;
using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Components.Cards;
using Microsoft.Extensions.DependencyInjection;

namespace DiscordAnalytics.Tests.Web.Components;

public sealed class TopContentCardTests : DashboardTestContext
{
    [Fact]
    public async Task Render_SeededWeek_ListsMostReactedMessagesWithExcerptAuthorChannelAndLink()
    {
        await SeedWorldAsync();

        var cut = Render<TopContentCard>(p => p.Add(c => c.Query, Last7Days()));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=content-row]").Count));
        var top = cut.FindAll("[data-testid=content-row]")[0];
        Assert.Equal("3", top.QuerySelector("[data-testid=content-score]")!.TextContent.Trim());
        Assert.Equal(World.SetupExcerpt, top.QuerySelector("[data-testid=content-excerpt]")!.TextContent.Trim());
        Assert.Equal("carol", top.QuerySelector("[data-testid=content-author]")!.TextContent.Trim());
        Assert.Equal("#setups", top.QuerySelector("[data-testid=content-channel]")!.TextContent.Trim());
        Assert.Equal("2 d ago", top.QuerySelector("[data-testid=content-date]")!.TextContent.Trim());
        Assert.Equal("2026-11-17 14:00 UTC", top.QuerySelector("[data-testid=content-date]")!.GetAttribute("title"));
        var link = top.QuerySelector("[data-testid=content-link]")!;
        Assert.Equal($"https://discord.com/channels/{World.Guild}/{World.Setups}/{World.SetupMessage}", link.GetAttribute("href"));
        Assert.Equal("_blank", link.GetAttribute("target"));
        Assert.Contains("noopener", link.GetAttribute("rel"));

        var second = cut.FindAll("[data-testid=content-row]")[1];
        Assert.Equal("1", second.QuerySelector("[data-testid=content-score]")!.TextContent.Trim());
        Assert.Equal("gm everyone", second.QuerySelector("[data-testid=content-excerpt]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Render_HostileExcerpt_ShowsItAsText()
    {
        await SeedWorldAsync();
        const string hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        var at = At(0, 13);
        var message = TestEvents.MessageId(at, 7);
        await Store.WriteAsync(
            TestEvents.Message(World.Guild, World.General, World.Bob, at, 7, hostile),
            TestEvents.Reaction(World.Guild, World.General, message, World.Alice, At(0, 13, 1)),
            TestEvents.Reaction(World.Guild, World.General, message, World.Carol, At(0, 13, 2)),
            TestEvents.Reaction(World.Guild, World.General, message, World.Dave, At(0, 13, 3)),
            TestEvents.Reaction(World.Guild, World.General, message, World.Frank, At(0, 13, 4)));

        var cut = Render<TopContentCard>(p => p.Add(c => c.Query, Last7Days()));

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=content-row]").Count));
        var excerpt = cut.Find("[data-testid=content-excerpt]");
        Assert.Equal(hostile, excerpt.TextContent.Trim());
        Assert.Empty(cut.FindAll("script"));
        Assert.Empty(cut.FindAll("[data-testid=card-top-content] img"));
        Assert.Contains("&lt;script&gt;", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_ReactionsOnAnUnseenMessage_SaysMessageNotSeen()
    {
        await SeedWorldAsync();
        var unseen = TestEvents.MessageId(At(0, 6), 42);
        await Store.WriteAsync(
            TestEvents.Reaction(World.Guild, World.General, unseen, World.Alice, At(0, 13)),
            TestEvents.Reaction(World.Guild, World.General, unseen, World.Bob, At(0, 13)),
            TestEvents.Reaction(World.Guild, World.General, unseen, World.Carol, At(0, 13)),
            TestEvents.Reaction(World.Guild, World.General, unseen, World.Dave, At(0, 13)));

        var cut = Render<TopContentCard>(p => p.Add(c => c.Query, Last7Days()));

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=content-row]").Count));
        var top = cut.FindAll("[data-testid=content-row]")[0];
        Assert.Equal("(message not seen)", top.QuerySelector("[data-testid=content-excerpt]")!.TextContent.Trim());
        Assert.Equal($"https://discord.com/channels/{World.Guild}/{World.General}/{unseen}", top.QuerySelector("[data-testid=content-link]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Render_MessageOfAHiddenMember_SaysHiddenMemberAndShowsNothingOfThem()
    {
        await SeedWorldAsync();
        await Services.GetRequiredService<MemberPrivacySettings>().SetAsync((long)World.Guild, (long)World.Carol, MemberPrivacyChoice.Hidden, CancellationToken.None);

        var cut = Render<TopContentCard>(p => p.Add(c => c.Query, Last7Days()));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=content-row]").Count));
        var top = cut.FindAll("[data-testid=content-row]")[0];
        Assert.Equal("(a hidden member's message)", top.QuerySelector("[data-testid=content-excerpt]")!.TextContent.Trim());
        Assert.Equal("hidden member", top.QuerySelector("[data-testid=content-author]")!.TextContent.Trim());
        Assert.DoesNotContain("carol", top.OuterHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain($"{World.Carol}", top.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(World.SetupExcerpt, top.OuterHtml, StringComparison.Ordinal);
        Assert.Equal("gm everyone", cut.FindAll("[data-testid=content-row]")[1].QuerySelector("[data-testid=content-excerpt]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Render_WindowWithoutActivity_ShowsEmptyState()
    {
        await SeedWorldAsync();

        var cut = Render<TopContentCard>(p => p.Add(c => c.Query, QuietWeek()));

        cut.WaitForAssertion(() => Assert.Equal("No activity in this window", cut.Find("[data-testid=card-empty]").TextContent.Trim()));
    }

    [Fact]
    public async Task LiveRefresh_NewReactions_ChangeTheTopMessage()
    {
        await SeedWorldAsync();
        var cut = Render<TopContentCard>(p => p.Add(c => c.Query, Last7Days()));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=content-row]").Count));

        await Store.WriteAsync(
            TestEvents.Reaction(World.Guild, World.General, World.GmMessage, World.Alice, At(0, 14), "☀️"),
            TestEvents.Reaction(World.Guild, World.General, World.GmMessage, World.Bob, At(0, 14), "☀️"),
            TestEvents.Reaction(World.Guild, World.General, World.GmMessage, World.Carol, At(0, 14), "☀️"));
        PublishAndTick(World.Guild);

        cut.WaitForAssertion(() =>
        {
            var top = cut.FindAll("[data-testid=content-row]")[0];
            Assert.Equal("gm everyone", top.QuerySelector("[data-testid=content-excerpt]")!.TextContent.Trim());
            Assert.Equal("4", top.QuerySelector("[data-testid=content-score]")!.TextContent.Trim());
        });
    }
}
