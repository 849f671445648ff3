using Bunit;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Components.Cards;

namespace DiscordAnalytics.Tests.Web.Components;

public sealed class TopEmojisCardTests : DashboardTestContext
{
    [Fact]
    public async Task Render_UnicodeAndCustomReactions_ListedWithCountsCustomByName()
    {
        await SeedWorldAsync();
        var message = TestEvents.Message(World.Guild, World.General, World.Carol, At(1, 11), 51, "gm");
        var id = message.MessageId!.Value;
        await Store.WriteAsync(
            message,
            TestEvents.Reaction(World.Guild, World.General, id, World.Dave, At(1, 12), "party:777"),
            TestEvents.Reaction(World.Guild, World.General, id, World.Alice, At(1, 12), "party:777"),
            TestEvents.Reaction(World.Guild, World.General, id, World.Bob, At(1, 12), "🔥"));

        var cut = Render<TopEmojisCard>(p => p.Add(c => c.Query, Last7Days()));

        cut.WaitForAssertion(() => Assert.Contains(":party:", cut.FindAll("[data-testid=emoji-name]").Select(e => e.TextContent.Trim())));
        var party = cut.FindAll("[data-testid=emoji-row]").Single(r => r.QuerySelector("[data-testid=emoji-name]")!.TextContent.Trim() == ":party:");
        Assert.Equal("2", party.QuerySelector("[data-testid=emoji-count]")!.TextContent.Trim());
        Assert.Equal("party:777", party.QuerySelector("[data-testid=emoji-name]")!.GetAttribute("title"));
        Assert.Contains("🔥", cut.FindAll("[data-testid=emoji-name]").Select(e => e.TextContent.Trim()));
        Assert.Contains("export/emojis.csv", cut.Find("[data-testid=card-export]").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Toggle_InMessages_ListsTypedEmojisAndTheCsvHoldsThem()
    {
        await SeedWorldAsync();
        var typed = "gm 🎉🎉 <:party:777>";
        await Store.WriteAsync(TestEvents.Message(World.Guild, World.General, World.Carol, At(1, 11), 52, typed, shape: Core.Ingestion.MessageShape.Of(typed, 0, 0)));
        var cut = Render<TopEmojisCard>(p => p.Add(c => c.Query, Last7Days()));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=emoji-source]")));

        cut.FindAll("[data-testid=emoji-source] .mud-toggle-item")[1].Click();

        cut.WaitForAssertion(() => Assert.Equal(
            [("🎉", "2"), (":party:", "1")],
            cut.FindAll("[data-testid=emoji-row]").Select(r => (r.QuerySelector("[data-testid=emoji-name]")!.TextContent.Trim(), r.QuerySelector("[data-testid=emoji-count]")!.TextContent.Trim()))));
        var href = cut.Find("[data-testid=card-export]").GetAttribute("href")!;
        Assert.EndsWith("&source=messages", href, StringComparison.Ordinal);
        Assert.Equal(["emoji,count", "🎉,2", "party:777,1"], await CardCsvExportTests.DownloadAsync(Store.ConnectionString, href));
    }

    [Fact]
    public async Task Render_QuietWeek_SaysNoReactions()
    {
        await SeedWorldAsync();

        var cut = Render<TopEmojisCard>(p => p.Add(c => c.Query, QuietWeek()));

        cut.WaitForAssertion(() => Assert.Equal("No reactions in this window", cut.Find("[data-testid=card-empty]").TextContent.Trim()));
    }
}
