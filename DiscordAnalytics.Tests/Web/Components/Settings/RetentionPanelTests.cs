using Bunit;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Retention;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Components.Settings;
using Microsoft.Extensions.DependencyInjection;

namespace DiscordAnalytics.Tests.Web.Components.Settings;

public sealed class RetentionPanelTests : DashboardTestContext
{
    private async Task<IRenderedComponent<RetentionPanel>> RenderSeededAsync()
    {
        await SeedWorldAsync();

        // Raw events that retention prunes: an edit of each old message (8-10 days ago), at its creation
        // time. A create keeps no raw row of its own (its message fact is its record, and stays).
        await Store.WriteAsync([.. new[] { (10, 8, 1UL), (10, 9, 2UL), (9, 9, 3UL), (8, 9, 4UL) }.Select(old => new IngestEvent
        {
            Type = IngestEventType.MessageUpdate, GuildId = World.Guild, ChannelId = World.General,
            MessageId = TestEvents.MessageId(At(old.Item1, old.Item2), old.Item3), EventAt = At(old.Item1, old.Item2), EditedAt = At(old.Item1, old.Item2),
        })]);
        AddRetentionServices();
        return Render<RetentionPanel>(p => p.Add(c => c.GuildId, World.Guild));
    }

    [Fact]
    public async Task Render_SeededGuild_ShowsStoreSizeRawEventsAndTheDefaultPeriod()
    {
        var cut = await RenderSeededAsync();

        cut.WaitForAssertion(() => Assert.Equal("never", cut.Find("[data-testid=retention-last-run]").TextContent.Trim()));
        Assert.EndsWith("KB", cut.Find("[data-testid=retention-store-size]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.NotEqual("0", cut.Find("[data-testid=retention-raw-events]").TextContent.Trim());
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(At(10, 8)).ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture), cut.Find("[data-testid=retention-oldest]").TextContent.Trim());
        Assert.Contains("default period", cut.Find("[data-testid=retention-source]").TextContent, StringComparison.Ordinal);
        Assert.True(cut.Find("[data-testid=retention-default]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task SaveThenPruneNow_GuildPeriodIsStoredAndOldEventsGo_ThenUseDefaultRestoresIt()
    {
        var cut = await RenderSeededAsync();
        cut.WaitForAssertion(() => cut.Find("[data-testid=retention-raw-events]"));
        var rawBefore = long.Parse(cut.Find("[data-testid=retention-raw-events]").TextContent.Trim(), System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);

        cut.Find("input").Change("5");
        cut.Find("[data-testid=retention-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("kept for 5 days", cut.Find("[data-testid=retention-message]").TextContent, StringComparison.Ordinal));
        Assert.Contains("own period", cut.Find("[data-testid=retention-source]").TextContent, StringComparison.Ordinal);
        var stored = await Services.GetRequiredService<RetentionStatusQuery>().RunAsync((long)World.Guild, CancellationToken.None);
        Assert.Equal((5, true), (stored!.RawEventDays, stored.IsGuildSetting));

        cut.Find("[data-testid=retention-run]").Click();

        cut.WaitForAssertion(() => Assert.Contains("events older than", cut.Find("[data-testid=retention-last-run]").TextContent, StringComparison.Ordinal));
        // The four edits of 8-10 days ago are older than 5 days.
        Assert.Contains("Pruned 4 raw events", cut.Find("[data-testid=retention-message]").TextContent, StringComparison.Ordinal);
        Assert.Equal((rawBefore - 4).ToString("N0", System.Globalization.CultureInfo.InvariantCulture), cut.Find("[data-testid=retention-raw-events]").TextContent.Trim());

        cut.Find("[data-testid=retention-default]").Click();

        cut.WaitForAssertion(() => Assert.Contains("default period", cut.Find("[data-testid=retention-source]").TextContent, StringComparison.Ordinal));
        Assert.Equal(90, (await Services.GetRequiredService<RetentionStatusQuery>().RunAsync((long)World.Guild, CancellationToken.None))!.RawEventDays);
    }

    [Theory]
    [InlineData("1e9")]
    [InlineData("-5")]
    [InlineData("3.5")]
    [InlineData(" 12x")]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("3651")]
    [InlineData("99999999999")]
    public async Task Save_NotAWholeNumberInRange_IsRefusedNextToTheFieldWithTheRangeAndNothingChanges(string typed)
    {
        // A numeric field read "1e9" as 19 days and clamped "-5" or "0" to 1 day, and saved it without a word: the
        // next pruning pass deleted every raw event older than that.
        var cut = await RenderSeededAsync();
        cut.WaitForAssertion(() => cut.Find("[data-testid=retention-raw-events]"));

        cut.Find("input").Change(typed);
        cut.Find("[data-testid=retention-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal(
            "Enter a whole number of days from 1 to 3650.",
            cut.Find("[data-testid=retention-days-field] .mud-input-error.mud-input-helper-text").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=retention-message]"));
        var stored = await Services.GetRequiredService<RetentionStatusQuery>().RunAsync((long)World.Guild, CancellationToken.None);
        Assert.Equal((90, false), (stored!.RawEventDays, stored.IsGuildSetting));
    }

    [Fact]
    public async Task Save_AfterARefusal_AWholeNumberSavesAndTheErrorGoes()
    {
        var cut = await RenderSeededAsync();
        cut.WaitForAssertion(() => cut.Find("[data-testid=retention-raw-events]"));
        cut.Find("input").Change("1e9");
        cut.Find("[data-testid=retention-save]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=retention-days-field] .mud-input-error"));

        cut.Find("input").Change(" 12 ");
        cut.Find("[data-testid=retention-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Raw events are now kept for 12 days.", cut.Find("[data-testid=retention-message]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=retention-days-field] .mud-input-error"));
        Assert.Equal(12, (await Services.GetRequiredService<RetentionStatusQuery>().RunAsync((long)World.Guild, CancellationToken.None))!.RawEventDays);
    }

    [Fact]
    public async Task Save_OneDay_SaysDayInTheSingular()
    {
        var cut = await RenderSeededAsync();
        cut.WaitForAssertion(() => cut.Find("[data-testid=retention-raw-events]"));

        cut.Find("input").Change("1");
        cut.Find("[data-testid=retention-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Raw events are now kept for 1 day.", cut.Find("[data-testid=retention-message]").TextContent.Trim()));
    }

    [Fact]
    public async Task Render_UnknownGuild_SaysSo()
    {
        await SeedWorldAsync();
        AddRetentionServices();

        var cut = Render<RetentionPanel>(p => p.Add(c => c.GuildId, 999UL));

        cut.WaitForAssertion(() => Assert.Contains("not in the store", cut.Find("[data-testid=retention-message]").TextContent, StringComparison.Ordinal));
    }
}
