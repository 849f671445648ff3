using Bunit;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Components.Cards;

namespace DiscordAnalytics.Tests.Web.Components;

/// <summary>The Lurkers card over a real store: count, share of the known members, the caption, and the empty state.</summary>
public sealed class LurkersCardTests : DashboardTestContext
{
    private const ulong Quiet = 920_000_000_000_000_041;

    [Fact]
    public async Task Render_AMemberWhoNeverSpeaks_CountedAsALurker()
    {
        await SeedWorldAsync();
        await Store.WriteAsync(TestEvents.Member(World.Guild, Quiet, "quiet", At(1, 9)));
        var expected = await new Core.Analytics.Engagement.LurkersQuery(Store, TestMemberDays.Over(Store), new Core.Analytics.Roles.RoleHolders(Store)).RunAsync(Last7Days(), CancellationToken.None);

        var cut = Render<LurkersCard>(p => p.Add(c => c.Query, Last7Days()));

        cut.WaitForAssertion(() => Assert.Equal(expected.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), cut.Find("[data-testid=lurkers-count]").TextContent.Trim()));
        Assert.True(expected.Count >= 1);
        Assert.Equal($"{LurkersCard.Share(expected.Share)} of {expected.KnownMembers} known members", cut.Find("[data-testid=lurkers-share]").TextContent.Trim());
        Assert.Contains("neither posted, reacted nor talked", cut.Find("[data-testid=lurkers-caption]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_NoKnownMember_EmptyState()
    {
        await SeedWorldAsync();

        var cut = Render<LurkersCard>(p => p.Add(c => c.Query, QuietWeek(World.OtherGuild)));

        cut.WaitForAssertion(() => Assert.Equal("empty", cut.Find("[data-testid=card-lurkers]").GetAttribute("data-state")));
    }

    [Fact]
    public void Share_NoKnownMember_Dash() => Assert.Equal(("–", "33%"), (LurkersCard.Share(null), LurkersCard.Share(0.333)));
}
