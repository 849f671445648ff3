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
    public async Task Hide_ByName_ListedAsHiddenAndMakeVisibleRemovesIt()
    {
        await SeedWorldAsync();
        var cut = Render<MemberPrivacyPanel>(p => p.Add(c => c.GuildId, World.Guild));
        cut.WaitForElement("[data-testid=privacy-none]");

        cut.Find(MemberInput).Change("bob");
        cut.Find("[data-testid=privacy-hide]").Click();

        cut.WaitForAssertion(() => Assert.StartsWith("bob", cut.Find("[data-testid=privacy-message]").TextContent.Trim(), StringComparison.Ordinal));
        var row = cut.Find("[data-testid=privacy-row]");
        Assert.Equal($"{World.Bob}", row.GetAttribute("data-user-id"));
        Assert.Equal("hidden", row.GetAttribute("data-choice"));
        Assert.Contains("bob", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(MemberPrivacyChoice.Hidden, Assert.Single((await Privacy.ListAsync((long)World.Guild, default))!).Choice);

        cut.Find("[data-testid=privacy-make-visible]").Click();

        cut.WaitForElement("[data-testid=privacy-none]");
        Assert.Empty((await Privacy.ListAsync((long)World.Guild, default))!);
    }

    [Fact]
    public async Task Forget_AsksForConfirmationAndOnlyThenDeletesForGood()
    {
        await SeedWorldAsync();
        var pipeline = Services.GetRequiredService<IngestionPipeline>();
        await pipeline.StartAsync(default);
        var cut = Render<MemberPrivacyPanel>(p => p.Add(c => c.GuildId, World.Guild));
        cut.WaitForElement("[data-testid=privacy-none]");

        cut.Find(MemberInput).Change($"{World.Alice}");
        cut.Find("[data-testid=privacy-forget]").Click();

        Assert.Contains("cannot be undone", cut.WaitForElement("[data-testid=privacy-forget-confirm]").TextContent, StringComparison.Ordinal);
        Assert.Empty((await Privacy.ListAsync((long)World.Guild, default))!);

        cut.Find("[data-testid=privacy-forget-cancel]").Click();

        Assert.Empty(cut.FindAll("[data-testid=privacy-forget-confirm]"));
        Assert.True(await AliceHasRowsAsync());

        cut.Find("[data-testid=privacy-forget]").Click();
        cut.WaitForElement("[data-testid=privacy-forget-yes]").Click();

        cut.WaitForAssertion(() => Assert.Equal("forgotten", cut.Find("[data-testid=privacy-row]").GetAttribute("data-choice")), TimeSpan.FromSeconds(30));
        Assert.Contains("(name deleted)", cut.Find("[data-testid=privacy-row]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=privacy-make-visible]"));
        Assert.False(await AliceHasRowsAsync());
        await pipeline.StopAsync(default);
    }

    [Fact]
    public async Task Find_ByPartOfName_PickingAMatchFillsTheUserId()
    {
        await SeedWorldAsync();
        var cut = Render<MemberPrivacyPanel>(p => p.Add(c => c.GuildId, World.Guild));
        cut.WaitForElement("[data-testid=privacy-none]");

        cut.Find(MemberInput).Change("a");
        cut.Find("[data-testid=privacy-find]").Click();

        cut.WaitForAssertion(() => Assert.Equal(
            [$"{World.Alice}", $"{World.Carol}", $"{World.Dave}", $"{World.Frank}"],
            cut.FindAll("[data-testid=privacy-match]").Select(m => m.GetAttribute("data-user-id"))));
        cut.FindAll("[data-testid=privacy-match]")[1].Click();
        cut.WaitForAssertion(() => Assert.Equal($"{World.Carol}", cut.Find(MemberInput).GetAttribute("value")));
    }

    [Fact]
    public async Task Hide_NameMatchingSeveral_AsksToPickAndChangesNothing()
    {
        await SeedWorldAsync();
        var cut = Render<MemberPrivacyPanel>(p => p.Add(c => c.GuildId, World.Guild));
        cut.WaitForElement("[data-testid=privacy-none]");

        cut.Find(MemberInput).Change("a");
        cut.Find("[data-testid=privacy-hide]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Several members match: pick one.", cut.Find("[data-testid=privacy-message]").TextContent.Trim()));
        Assert.Equal(4, cut.FindAll("[data-testid=privacy-match]").Count);
        Assert.Empty((await Privacy.ListAsync((long)World.Guild, default))!);
    }

    private async Task<bool> AliceHasRowsAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AnalyticsDbContext>>().CreateDbContextAsync();
        var alice = (long)World.Alice;
        return await db.Members.AnyAsync(m => m.UserId == alice) || await db.MemberDailyRollups.AnyAsync(r => r.UserId == alice);
    }
}
