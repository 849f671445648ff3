using Bunit;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Components.Cards;

namespace DiscordAnalytics.Tests.Web.Components;

public sealed class MessageKindsCardTests : DashboardTestContext
{
    [Fact]
    public async Task Render_FourMeasuredMessages_SharesAndAverageLengthWithTheExportLink()
    {
        await SeedWorldAsync();
        var file = TestEvents.Message(World.Guild, World.General, World.Carol, At(1, 11), 41, "chart", shape: new MessageShape(10, 1, 0, false));
        await Store.WriteAsync(
            file,
            TestEvents.Message(World.Guild, World.General, World.Dave, At(1, 12), 42, "see", shape: new MessageShape(30, 0, 0, true), replyTo: file.MessageId),
            TestEvents.Message(World.Guild, World.General, World.Carol, At(0, 9), 43, "hey", shape: new MessageShape(20, 0, 1, false)),
            TestEvents.Message(World.Guild, World.General, World.Dave, At(0, 10), 44, "ok", shape: new MessageShape(2, 0, 0, false)));

        var cut = Render<MessageKindsCard>(p => p.Add(c => c.Query, Last7Days()));

        cut.WaitForAssertion(() => Assert.Equal(5, cut.FindAll("[data-testid=kinds-row]").Count));
        var rows = cut.FindAll("[data-testid=kinds-row]")
            .ToDictionary(r => r.QuerySelector("[data-testid=kinds-label]")!.TextContent.Trim(), r => r.QuerySelector("[data-testid=kinds-current]")!.TextContent.Trim());
        Assert.Equal("25%", rows["With files"]);
        Assert.Equal("25%", rows["With links"]);
        Assert.Equal("25%", rows["Replies"]);
        Assert.Equal("25%", rows["With mentions"]);
        Assert.Equal("15.5 chars", rows["Average length"]);
        Assert.Contains("export/kinds.csv", cut.Find("[data-testid=card-export]").GetAttribute("href"), StringComparison.Ordinal);
        // The seeded world's messages were stored without kinds (as by an earlier version): the card says from when they count.
        var from = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(At(1)).UtcDateTime).ToString("MMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(
            $"Counted from {from}: messages stored before then (by an earlier version) have no kinds and are left out of these shares.",
            cut.Find("[data-testid=kinds-counted-from]").TextContent.Trim());
    }

    [Fact]
    public async Task Render_NoMeasuredMessages_SaysSo()
    {
        await SeedWorldAsync();

        var cut = Render<MessageKindsCard>(p => p.Add(c => c.Query, QuietWeek()));

        cut.WaitForAssertion(() => Assert.Equal("No measured messages in this window", cut.Find("[data-testid=card-empty]").TextContent.Trim()));
    }
}
