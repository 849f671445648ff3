using Bunit;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Components.Cards;

namespace DiscordAnalytics.Tests.Web.Components;

/// <summary>The office-hours action of the Insights card opens the scheduled draft, which copies to the clipboard.</summary>
public sealed class OfficeHoursDraftPanelTests : DashboardTestContext
{
    private const ulong Help = 910_000_000_000_000_050;
    private const string Expected =
        "Office hours: Tuesday 14:00-15:00 (UTC) in #help. That is when most questions come in, so someone will be around to answer them live. Next one: <t:1795528800:F>.";

    [Fact]
    public async Task OfficeHoursAction_OpenAndCopy_ShowsTheDraftAndCopiesItsText()
    {
        await SeedWorldAsync();
        // A question in #help two days ago (Tuesday 14:00 UTC), answered a minute later: support demand for the offline rules.
        var question = TestEvents.Message(World.Guild, Help, World.Erin, At(2, 14), 41);
        await Store.WriteAsync(
            TestEvents.Channel(World.Guild, Help, "help", At(3)),
            question,
            TestEvents.Message(World.Guild, Help, World.Frank, At(2, 14, 1), 42, replyTo: question.MessageId));
        var copy = JSInterop.SetupVoid("navigator.clipboard.writeText", Expected);
        var cut = Render<InsightsCard>(p => p.Add(c => c.Query, Last7Days()));
        cut.Find("[data-testid=insights-generate]").Click();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=action-draft][data-kind=OfficeHours]")));
        Assert.Empty(cut.FindAll("[data-testid=action-draft][data-kind=Announcement] [data-testid=office-hours]"));

        cut.Find("[data-testid=action-draft][data-kind=OfficeHours] [data-testid=office-hours-open]").Click();
        cut.WaitForAssertion(() => Assert.Equal(Expected, cut.Find("[data-testid=office-hours-text]").TextContent));
        Assert.StartsWith("1 questions started Tuesday 14:00 (UTC)", cut.Find("[data-testid=office-hours-slot]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("erin", cut.Find("[data-testid=office-hours-panel]").TextContent, StringComparison.OrdinalIgnoreCase);

        cut.Find("[data-testid=office-hours-copy]").Click();
        copy.SetVoidResult();

        Assert.Single(copy.Invocations);
        cut.WaitForAssertion(() => Assert.Equal("Copied", cut.Find("[data-testid=office-hours-copy]").TextContent.Trim()));
    }

    [Fact]
    public async Task Open_NoQuestionActivity_SaysThereIsNothingToSchedule()
    {
        await SeedWorldAsync();
        var cut = Render<OfficeHoursDraftPanel>(p => p.Add(c => c.GuildId, World.Guild));

        cut.Find("[data-testid=office-hours-open]").Click();

        cut.WaitForAssertion(() => Assert.Contains("No help threads or questions in the last 28 days", cut.Find("[data-testid=office-hours-empty]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=office-hours-copy]"));
    }
}
