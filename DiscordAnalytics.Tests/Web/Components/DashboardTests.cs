using Bunit;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Components.Pages.Dashboard;
using DiscordAnalytics.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;

namespace DiscordAnalytics.Tests.Web.Components;

public sealed class DashboardTests : DashboardTestContext
{
    [Fact]
    public async Task Render_GuildIdInAddress_ShowsThatGuildWithAllCards()
    {
        await SeedWorldAsync();
        Navigate($"dashboard?guildId={World.Guild}");

        var cut = Render<Dashboard>();

        cut.WaitForAssertion(() => Assert.Equal("Trading Room", cut.Find("[data-testid=guild-name]").TextContent.Trim()));
        foreach (var card in new[] { "card-totals", "card-activity", "card-members", "card-top-channels", "card-top-members", "card-top-content" })
        {
            Assert.Single(cut.FindAll($"[data-testid={card}]"));
        }

        cut.WaitForAssertion(() => Assert.Equal("9", cut.Find("[data-testid=total-messages-value]").TextContent.Trim()));
        Assert.Equal("Nov 13, 2026 – Nov 19, 2026 (UTC) · 7 days", cut.Find("[data-testid=window-caption]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=window-notice]"));
    }

    [Fact]
    public async Task Render_BeforeAndAfterARetentionRun_SaysWhenRawDataWasLastPrunedAndLinksToSettings()
    {
        await SeedWorldAsync();
        Navigate($"dashboard?guildId={World.Guild}");

        var before = Render<Dashboard>();

        before.WaitForAssertion(() => Assert.StartsWith("Raw data has not been pruned yet for this server.", before.Find("[data-testid=retention-note]").TextContent.Trim(), StringComparison.Ordinal));
        Assert.Equal($"settings?guildId={World.Guild}", before.Find("[data-testid=retention-note-link]").GetAttribute("href"));

        await Services.GetRequiredService<Core.Retention.RetentionService>().RunAsync(CancellationToken.None);
        var after = Render<Dashboard>();

        // Now is 2026-11-19 15:00 UTC; the default period is 90 days.
        after.WaitForAssertion(() => Assert.StartsWith(
            "Raw data last pruned 2026-11-19 15:00 UTC: 0 events older than 2026-08-21 15:00 UTC removed",
            after.Find("[data-testid=retention-note]").TextContent.Trim(), StringComparison.Ordinal));
        Assert.Equal($"settings?guildId={World.Guild}", after.Find("[data-testid=retention-note-link]").GetAttribute("href"));
    }

    [Fact]
    public async Task Render_NoGuildIdAnywhere_FallsBackToTheFirstGuildAndPutsItInTheAddress()
    {
        await SeedWorldAsync();
        Navigate("dashboard");

        var cut = Render<Dashboard>();

        // Guilds are listed by name: "Alpha Crew" comes before "Trading Room".
        cut.WaitForAssertion(() => Assert.Equal("Alpha Crew", cut.Find("[data-testid=guild-name]").TextContent.Trim()));
        cut.WaitForAssertion(() => Assert.Equal(
            new object?[] { "http://localhost/dashboard", $"http://localhost/dashboard?guildId={World.OtherGuild}" },
            Assert.Single(JSInterop.Invocations[BrowserAddress.ReplaceIfStillAtFunction]).Arguments));
        cut.WaitForAssertion(() => Assert.Equal("No activity in this window", cut.Find("[data-testid=card-totals] [data-testid=card-empty]").TextContent.Trim()));
    }

    [Fact]
    public async Task Render_PageLeftWhileStorageAnswers_LeavesTheAddressAlone()
    {
        await SeedWorldAsync();
        var remember = JSInterop.SetupVoid("localStorage.setItem", _ => true);
        Navigate("dashboard");
        var cut = Render<Dashboard>();
        cut.WaitForAssertion(() => Assert.Single(remember.Invocations));

        // A link was clicked: the router disposes the dashboard before local storage answers.
        await DisposeComponentsAsync();
        await cut.InvokeAsync(remember.SetVoidResult);

        Assert.Empty(JSInterop.Invocations[BrowserAddress.ReplaceIfStillAtFunction]);
        Assert.Equal("http://localhost/dashboard", Navigation.Uri);
    }

    [Fact]
    public async Task Render_NoGuildIdInAddress_UsesTheGuildFromLocalStorage()
    {
        await SeedWorldAsync();
        JSInterop.Setup<string?>("localStorage.getItem", "da.guildId").SetResult(World.Guild.ToString());
        Navigate("dashboard");

        var cut = Render<Dashboard>();

        cut.WaitForAssertion(() => Assert.Equal("Trading Room", cut.Find("[data-testid=guild-name]").TextContent.Trim()));
    }

    [Fact]
    public async Task Render_GuildShown_RemembersItInLocalStorage()
    {
        await SeedWorldAsync();
        Navigate($"dashboard?guildId={World.Guild}");

        var cut = Render<Dashboard>();

        cut.WaitForAssertion(() => Assert.Contains(
            JSInterop.Invocations["localStorage.setItem"],
            i => i.Arguments.SequenceEqual(new object?[] { "da.guildId", World.Guild.ToString() })));
    }

    [Fact]
    public async Task Render_UnknownGuildIdInAddress_ShowsNoticeAndFirstGuild()
    {
        await SeedWorldAsync();
        Navigate("dashboard?guildId=123456789");

        var cut = Render<Dashboard>();

        cut.WaitForAssertion(() => Assert.Equal("Alpha Crew", cut.Find("[data-testid=guild-name]").TextContent.Trim()));
        Assert.Equal("No data for server 123456789. Showing Alpha Crew instead.", cut.Find("[data-testid=guild-notice]").TextContent.Trim());
    }

    [Fact]
    public async Task Render_GuildIdOfAnotherModeInAddress_ShowsThatGuildWithoutNotice()
    {
        // A live guild in a store the demo runs on (an owner moved from a real bot back to the demo): not listed, but
        // still readable by id, as on the API, Digests and Settings.
        const ulong liveGuild = 900_000_000_000_000_777;
        await SeedWorldAsync();
        await using (var live = new IngestionBatchWriter(Store.ConnectionString, GuildMode.Live, NullLogger.Instance))
        {
            await live.WriteAsync([TestEvents.Guild(liveGuild, "Live Server", At(1, 9))], CancellationToken.None);
        }

        Navigate($"dashboard?guildId={liveGuild}");

        var cut = Render<Dashboard>();

        cut.WaitForAssertion(() => Assert.Equal("Live Server", cut.Find("[data-testid=guild-name]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=guild-notice]"));
        Assert.Empty(JSInterop.Invocations[BrowserAddress.ReplaceIfStillAtFunction]);
    }

    [Theory]
    [InlineData("window=13d", "window")]
    [InlineData("window=custom&start=2026-11-10", "end")]
    [InlineData("window=custom&start=2026-11-10&end=2026-11-01", "end")]
    [InlineData("window=7d&start=2026-11-10", "start")]
    [InlineData("window=custom&start=yesterday&end=2026-11-01", "start")]
    public async Task Render_BadWindowInAddress_ShowsNoticeAndTheLastSevenDays(string window, string parameter)
    {
        await SeedWorldAsync();
        Navigate($"dashboard?guildId={World.Guild}&{window}");

        var cut = Render<Dashboard>();

        cut.WaitForAssertion(() => Assert.Contains($"invalid {parameter}", cut.Find("[data-testid=window-notice]").TextContent, StringComparison.Ordinal));
        Assert.Equal("Nov 13, 2026 – Nov 19, 2026 (UTC) · 7 days", cut.Find("[data-testid=window-caption]").TextContent.Trim());
        cut.WaitForAssertion(() => Assert.Equal("9", cut.Find("[data-testid=total-messages-value]").TextContent.Trim()));
    }

    [Fact]
    public async Task Render_BadWindowAndNoGuildId_KeepsTheNoticeWhileAddingTheGuildToTheAddress()
    {
        await SeedWorldAsync();
        Navigate("dashboard?window=12d");

        var cut = Render<Dashboard>();

        cut.WaitForAssertion(() => Assert.Equal(
            new object?[] { "http://localhost/dashboard?window=12d", $"http://localhost/dashboard?window=12d&guildId={World.OtherGuild}" },
            Assert.Single(JSInterop.Invocations[BrowserAddress.ReplaceIfStillAtFunction]).Arguments));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=window-notice]")));
    }

    [Fact]
    public async Task Render_CustomWindowInAddress_ShowsThoseDays()
    {
        await SeedWorldAsync();
        Navigate($"dashboard?guildId={World.Guild}&window=custom&start=2026-11-09&end=2026-11-11");

        var cut = Render<Dashboard>();

        cut.WaitForAssertion(() => Assert.Equal("Nov 9, 2026 – Nov 11, 2026 (UTC) · 3 days", cut.Find("[data-testid=window-caption]").TextContent.Trim()));
        // All four of alice's old messages fall on Nov 9-11.
        cut.WaitForAssertion(() => Assert.Equal("4", cut.Find("[data-testid=total-messages-value]").TextContent.Trim()));
        Assert.Single(cut.FindAll("[data-testid=window-range]"));
    }

    [Fact]
    public async Task SelectWindow_ThirtyDays_ReloadsCardsAndUpdatesTheAddress()
    {
        await SeedWorldAsync();
        Navigate($"dashboard?guildId={World.Guild}");
        var cut = Render<Dashboard>();
        cut.WaitForAssertion(() => Assert.Equal("9", cut.Find("[data-testid=total-messages-value]").TextContent.Trim()));

        cut.FindAll("[data-testid=window-selector] .mud-toggle-item")[1].Click();

        cut.WaitForAssertion(() => Assert.Equal("13", cut.Find("[data-testid=total-messages-value]").TextContent.Trim()));
        cut.WaitForAssertion(() => Assert.Equal(
            new object?[] { $"http://localhost/dashboard?guildId={World.Guild}", $"http://localhost/dashboard?guildId={World.Guild}&window=30d" },
            Assert.Single(JSInterop.Invocations[BrowserAddress.ReplaceIfStillAtFunction]).Arguments));
    }

    [Fact]
    public async Task SelectGuild_Other_ShowsItAndRemembersItInAddressAndStorage()
    {
        await SeedWorldAsync();
        Navigate($"dashboard?guildId={World.OtherGuild}&window=30d");
        var cut = Render<Dashboard>();
        cut.WaitForAssertion(() => Assert.Equal("Alpha Crew", cut.Find("[data-testid=guild-name]").TextContent.Trim()));

        var select = cut.FindComponent<MudSelect<string>>();
        await cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(World.Guild.ToString()));

        cut.WaitForAssertion(() => Assert.Equal("Trading Room", cut.Find("[data-testid=guild-name]").TextContent.Trim()));
        cut.WaitForAssertion(() => Assert.Equal("13", cut.Find("[data-testid=total-messages-value]").TextContent.Trim()));
        cut.WaitForAssertion(() => Assert.Equal(
            new object?[] { $"http://localhost/dashboard?guildId={World.OtherGuild}&window=30d", $"http://localhost/dashboard?guildId={World.Guild}&window=30d" },
            Assert.Single(JSInterop.Invocations[BrowserAddress.ReplaceIfStillAtFunction]).Arguments));
        cut.WaitForAssertion(() => Assert.Contains(
            JSInterop.Invocations["localStorage.setItem"],
            i => i.Arguments.SequenceEqual(new object?[] { "da.guildId", World.Guild.ToString() })));
    }

    [Fact]
    public async Task SelectRange_CustomDays_ShowsThemAndPutsThemInTheAddress()
    {
        await SeedWorldAsync();
        Navigate($"dashboard?guildId={World.Guild}");
        var cut = Render<Dashboard>();
        cut.WaitForAssertion(() => Assert.Equal("9", cut.Find("[data-testid=total-messages-value]").TextContent.Trim()));

        cut.FindAll("[data-testid=window-selector] .mud-toggle-item")[3].Click();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=window-range]")));
        var picker = cut.FindComponent<MudDateRangePicker>();
        await cut.InvokeAsync(() => picker.Instance.DateRangeChanged.InvokeAsync(new DateRange(new DateTime(2026, 11, 9), new DateTime(2026, 11, 11))));

        cut.WaitForAssertion(() => Assert.Equal("Nov 9, 2026 – Nov 11, 2026 (UTC) · 3 days", cut.Find("[data-testid=window-caption]").TextContent.Trim()));
        cut.WaitForAssertion(() => Assert.Equal("4", cut.Find("[data-testid=total-messages-value]").TextContent.Trim()));
        cut.WaitForAssertion(() => Assert.EndsWith(
            "window=custom&start=2026-11-09&end=2026-11-11",
            (string)JSInterop.Invocations[BrowserAddress.ReplaceIfStillAtFunction][^1].Arguments[1]!,
            StringComparison.Ordinal));
        Assert.Equal($"http://localhost/dashboard?guildId={World.Guild}", Navigation.Uri);
    }

    [Fact]
    public async Task LiveRefresh_FirstEventsLand_LeavesTheWaitingState()
    {
        Navigate("dashboard");
        var cut = Render<Dashboard>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=dashboard-waiting]")));

        await SeedWorldAsync();
        PublishAndTick(World.Guild, World.OtherGuild);

        cut.WaitForAssertion(() => Assert.Equal("Alpha Crew", cut.Find("[data-testid=guild-name]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=dashboard-waiting]"));
    }

    [Fact]
    public async Task LiveRefresh_NewEvents_UpdatesCardsAndTheUpdatedTime()
    {
        await SeedWorldAsync();
        Navigate($"dashboard?guildId={World.Guild}");
        var cut = Render<Dashboard>();
        cut.WaitForAssertion(() => Assert.Equal("9", cut.Find("[data-testid=total-messages-value]").TextContent.Trim()));
        Assert.Equal("updated 15:00:00 UTC", cut.Find("[data-testid=live-updated]").TextContent.Trim());

        Time.Advance(TimeSpan.FromSeconds(30));
        await Store.WriteAsync(TestEvents.Message(World.Guild, World.General, World.Carol, At(0, 14, 30), 1, "live!"));
        PublishAndTick(World.Guild);

        cut.WaitForAssertion(() => Assert.Equal("10", cut.Find("[data-testid=total-messages-value]").TextContent.Trim()));
        cut.WaitForAssertion(() => Assert.Matches("^updated 15:00:3[01] UTC$", cut.Find("[data-testid=live-updated]").TextContent.Trim()));

        // And again: every batch keeps arriving, not only the first.
        Time.Advance(TimeSpan.FromSeconds(30));
        await Store.WriteAsync(TestEvents.Message(World.Guild, World.General, World.Carol, At(0, 14, 31), 1, "still live"));
        PublishAndTick(World.Guild);

        cut.WaitForAssertion(() => Assert.Equal("11", cut.Find("[data-testid=total-messages-value]").TextContent.Trim()));
        cut.WaitForAssertion(() => Assert.Matches("^updated 15:01:0[12] UTC$", cut.Find("[data-testid=live-updated]").TextContent.Trim()));
    }

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private void Navigate(string relative) => Navigation.NavigateTo(relative);
}
