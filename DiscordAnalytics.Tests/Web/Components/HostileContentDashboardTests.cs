using Bunit;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Components.Pages.Dashboard;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using H = DiscordAnalytics.Tests.Infrastructure.HostileCommunity;

namespace DiscordAnalytics.Tests.Web.Components;

/// <summary>Hostile names and excerpts, written by the real writer, on the whole dashboard: text, never markup.</summary>
public sealed class HostileContentDashboardTests : DashboardTestContext
{
    [Fact]
    public async Task Render_HostileGuildChannelMemberAndExcerpt_ShowsThemAsClippedText()
    {
        var at = At(0, 10);
        await Store.WriteAsync(H.Events(at));
        Services.GetRequiredService<NavigationManager>().NavigateTo($"dashboard?guildId={H.Guild}");

        var cut = Render<Dashboard>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=content-row]").Count));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=channel-row]").Count));
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=member-row]").Count));
        Assert.Equal(H.StoredName(H.GuildName), cut.Find("[data-testid=guild-name]").TextContent.Trim());
        var channels = cut.FindAll("[data-testid=channel-name]").Select(c => c.TextContent.Trim()).ToList();
        Assert.Contains("#" + H.StoredName(H.ChannelName), channels);
        Assert.Contains("#" + H.FormulaChannelName, channels);
        var members = cut.FindAll("[data-testid=member-name]").Select(c => c.TextContent.Trim()).ToList();
        Assert.Contains(H.StoredName(H.AuthorName), members);
        var excerpts = cut.FindAll("[data-testid=content-excerpt]").Select(c => c.TextContent.Trim()).ToList();
        Assert.Contains(H.StoredExcerpt(H.Excerpt), excerpts);
        Assert.Contains(H.FormulaExcerpt, excerpts);
        Assert.Contains("#" + H.StoredName(H.ChannelName), cut.FindAll("[data-testid=content-channel]").Select(c => c.TextContent.Trim()));
        Assert.Contains(H.StoredName(H.AuthorName), cut.FindAll("[data-testid=content-author]").Select(c => c.TextContent.Trim()));

        // The payloads are text: no element they could have created exists, and the markup carries them escaped.
        Assert.Empty(cut.FindAll("script"));
        Assert.Empty(cut.FindAll("img"));
        Assert.Empty(cut.FindAll("[onerror]"));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", cut.Markup, StringComparison.Ordinal);
    }
}
