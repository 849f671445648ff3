using Bunit;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Components.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DiscordAnalytics.Tests.Web.Components.Settings;

/// <summary>The member-privacy panel over the seeded world, through the real settings service and ingestion pipeline.</summary>
public sealed class MemberPrivacyPanelTests : DashboardTestContext
{
    /// <summary>MudTextField puts unmatched attributes on its input.</summary>
    private const string MemberInput = "input[data-testid=privacy-member], [data-testid=privacy-member] input";

    private MemberPrivacySettings Privacy => Services.GetRequiredService<MemberPrivacySettings>();

    [Fact]
    public async Task Hide_PickedAndConfirmed_HidesExactlyThatMemberAndMakeVisibleRemovesIt()
    {
        var cut = await RenderPanelAsync();

        PickMember(cut, "bob", World.Bob);
        cut.Find("[data-testid=privacy-hide]").Click();
        Assert.Contains($"bob ({World.Bob})?", cut.Find("[data-testid=privacy-hide-confirm]").TextContent, StringComparison.Ordinal);
        Assert.Empty((await Privacy.ListAsync((long)World.Guild, default))!);
        cut.Find("[data-testid=privacy-hide-yes]").Click();

        cut.WaitForAssertion(() => Assert.StartsWith($"bob ({World.Bob}) is hidden", cut.Find("[data-testid=privacy-message]").TextContent.Trim(), StringComparison.Ordinal));
        var row = cut.Find("[data-testid=privacy-row]");
        Assert.Equal(($"{World.Bob}", "hidden"), (row.GetAttribute("data-user-id"), row.GetAttribute("data-choice")));
        var stored = Assert.Single((await Privacy.ListAsync((long)World.Guild, default))!);
        Assert.Equal(($"{World.Bob}", MemberPrivacyChoice.Hidden), (stored.UserId, stored.Choice));

        cut.Find("[data-testid=privacy-make-visible]").Click();

        cut.WaitForElement("[data-testid=privacy-none]");
        Assert.Empty((await Privacy.ListAsync((long)World.Guild, default))!);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("bob")]
    [InlineData("a")]
    public async Task HideOrForget_TypedTextWithoutAPick_ActsOnNobody(string typed)
    {
        // "-5" and Hide once hid an unrelated member at once, by a fuzzy name match.
        var cut = await RenderPanelAsync();
        cut.Find(MemberInput).Change(typed);

        cut.Find("[data-testid=privacy-hide]").Click();
        Assert.Equal("Pick a member from the matches first: nothing was changed.", cut.Find("[data-testid=privacy-message]").TextContent.Trim());
        cut.Find("[data-testid=privacy-find]").Click();
        cut.WaitForElement("[data-testid=privacy-matches]");
        cut.Find("[data-testid=privacy-hide]").Click();
        cut.Find("[data-testid=privacy-forget]").Click();

        Assert.Empty(cut.FindAll("[data-testid=privacy-hide-confirm], [data-testid=privacy-forget-confirm]"));
        Assert.Equal("Pick a member from the matches first: nothing was changed.", cut.Find("[data-testid=privacy-message]").TextContent.Trim());
        Assert.Empty((await Privacy.ListAsync((long)World.Guild, default))!);
        Assert.Empty(cut.FindAll("[data-testid=privacy-row]"));
    }

    [Fact]
    public async Task Hide_Cancelled_ChangesNothing()
    {
        var cut = await RenderPanelAsync();
        PickMember(cut, "bob", World.Bob);

        cut.Find("[data-testid=privacy-hide]").Click();
        cut.Find("[data-testid=privacy-hide-cancel]").Click();

        Assert.Empty(cut.FindAll("[data-testid=privacy-hide-confirm]"));
        Assert.Empty((await Privacy.ListAsync((long)World.Guild, default))!);
        Assert.Empty(cut.FindAll("[data-testid=privacy-row]"));
    }

    [Fact]
    public async Task Forget_AsksTwiceSayingItCannotBeUndoneAndOnlyThenDeletesForGood()
    {
        var pipeline = Services.GetRequiredService<IngestionPipeline>();
        var cut = await RenderPanelAsync();
        await pipeline.StartAsync(default);
        PickMember(cut, $"{World.Alice}", World.Alice);

        // Cancelled at the first question.
        cut.Find("[data-testid=privacy-forget]").Click();
        Assert.Contains("cannot be undone", cut.Find("[data-testid=privacy-forget-confirm]").TextContent, StringComparison.Ordinal);
        cut.Find("[data-testid=privacy-forget-cancel]").Click();
        Assert.Empty(cut.FindAll("[data-testid=privacy-forget-confirm]"));
        Assert.True(await AliceHasRowsAsync());

        // Cancelled at the second.
        cut.Find("[data-testid=privacy-forget]").Click();
        cut.Find("[data-testid=privacy-forget-yes]").Click();
        Assert.Empty(cut.FindAll("[data-testid=privacy-forget-confirm]"));
        Assert.Contains("cannot be undone", cut.Find("[data-testid=privacy-forget-final]").TextContent, StringComparison.Ordinal);
        cut.Find("[data-testid=privacy-forget-final-cancel]").Click();
        Assert.Empty(cut.FindAll("[data-testid=privacy-forget-final]"));
        Assert.Empty((await Privacy.ListAsync((long)World.Guild, default))!);
        Assert.True(await AliceHasRowsAsync());

        // Yes, twice.
        cut.Find("[data-testid=privacy-forget]").Click();
        cut.Find("[data-testid=privacy-forget-yes]").Click();
        cut.Find("[data-testid=privacy-forget-final-yes]").Click();

        cut.WaitForAssertion(() => Assert.Equal("forgotten", cut.Find("[data-testid=privacy-row]").GetAttribute("data-choice")), TimeSpan.FromSeconds(30));
        Assert.Equal($"{World.Alice}", cut.Find("[data-testid=privacy-row]").GetAttribute("data-user-id"));
        Assert.Contains("(name deleted)", cut.Find("[data-testid=privacy-row]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=privacy-make-visible]"));
        Assert.False(await AliceHasRowsAsync());
        await pipeline.StopAsync(default);
    }

    [Fact]
    public async Task Find_ByPartOfName_ListsNameIdAndInitialAndPickingShowsThePick()
    {
        var cut = await RenderPanelAsync();

        cut.Find(MemberInput).Change("a");
        cut.Find("[data-testid=privacy-find]").Click();

        cut.WaitForAssertion(() => Assert.Equal(
            [$"{World.Alice}", $"{World.Carol}", $"{World.Dave}", $"{World.Frank}"],
            cut.FindAll("[data-testid=privacy-match]").Select(m => m.GetAttribute("data-user-id"))));
        var carol = cut.FindAll("[data-testid=privacy-match]")[1];
        Assert.Equal("C", carol.QuerySelector(".mud-avatar")!.TextContent.Trim());
        Assert.Contains($"carol · {World.Carol}", carol.TextContent.Replace('\u00a0', ' '), StringComparison.Ordinal);

        carol.Click();

        cut.WaitForAssertion(() => Assert.Equal($"{World.Carol}", cut.Find("[data-testid=privacy-picked-member]").GetAttribute("data-user-id")));
        Assert.Equal("true", cut.FindAll("[data-testid=privacy-match]")[1].GetAttribute("aria-pressed"));
    }

    [Fact]
    public async Task Find_ByUserId_ListsThatMember()
    {
        var cut = await RenderPanelAsync();

        cut.Find(MemberInput).Change($" {World.Dave} ");
        cut.Find("[data-testid=privacy-find]").Click();

        cut.WaitForAssertion(() => Assert.Equal($"{World.Dave}", Assert.Single(cut.FindAll("[data-testid=privacy-match]")).GetAttribute("data-user-id")));
    }

    private async Task<IRenderedComponent<MemberPrivacyPanel>> RenderPanelAsync()
    {
        await SeedWorldAsync();
        var cut = Render<MemberPrivacyPanel>(p => p.Add(c => c.GuildId, World.Guild));
        cut.WaitForElement("[data-testid=privacy-none]");
        return cut;
    }

    private static void PickMember(IRenderedComponent<MemberPrivacyPanel> cut, string search, ulong userId)
    {
        cut.Find(MemberInput).Change(search);
        cut.Find("[data-testid=privacy-find]").Click();
        cut.WaitForElement($"[data-testid=privacy-match][data-user-id='{userId}']").Click();
        cut.WaitForAssertion(() => Assert.Equal($"{userId}", cut.Find("[data-testid=privacy-picked-member]").GetAttribute("data-user-id")));
    }

    private async Task<bool> AliceHasRowsAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AnalyticsDbContext>>().CreateDbContextAsync();
        var alice = (long)World.Alice;
        return await db.Members.AnyAsync(m => m.UserId == alice) || await db.MemberDailyRollups.AnyAsync(r => r.UserId == alice);
    }
}
