using Bunit;
using DiscordAnalytics.Core.Backfill;
using DiscordAnalytics.Core.Backfill.GapRepair;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Discord.Rest;
using DiscordAnalytics.Core.Demo;
using DiscordAnalytics.Core.Retention;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Backfill;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Components.Pages.Settings;
using DiscordAnalytics.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SettingsPage = DiscordAnalytics.Web.Components.Pages.Settings.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Tests.Web.Components;

/// <summary>The settings page's backfill panel over a real store and the real <see cref="BackfillService"/>.</summary>
public sealed class SettingsPageTests : DashboardTestContext
{
    private readonly RecordingBackfillScheduler _scheduler = new();
    private readonly BackfillNotifier _backfillNotifier = new();

    public SettingsPageTests()
    {
        Services.AddSingleton(_backfillNotifier);
        Services.AddSingleton(sp => new BackfillRegistry(sp.GetRequiredService<TimeProvider>()));
        Services.AddSingleton(sp => new BackfillService(
            sp.GetRequiredService<IDbContextFactory<AnalyticsDbContext>>(),
            [new DemoHistorySource(Options.Create(new DemoOptions()), Options.Create(new BackfillOptions()), sp.GetRequiredService<TimeProvider>())],
            _scheduler,
            sp.GetRequiredService<BackfillRegistry>(),
            _backfillNotifier,
            Options.Create(new BackfillOptions { MaxDays = 30 }),
            sp.GetRequiredService<TimeProvider>()));

        // Gap repair's line: a live (REST) source, never called by the page.
        Services.AddSingleton(sp => new GapRepairRuns(
            sp.GetRequiredService<IDbContextFactory<AnalyticsDbContext>>(), _scheduler, sp.GetRequiredService<BackfillRegistry>(), _backfillNotifier,
            Options.Create(new BackfillOptions()), NullLogger<GapRepairRuns>.Instance));
        Services.AddSingleton(sp => new GapRepairService(
            sp.GetRequiredService<IDbContextFactory<AnalyticsDbContext>>(),
            new LastEventAtReader(sp.GetRequiredService<IDbContextFactory<AnalyticsDbContext>>()),
            [new RestHistorySource(new DiscordRestClient(new HttpClient(), Options.Create(new DiscordOptions { Token = "unused", ApiBaseUrl = "http://127.0.0.1:9/api/v10" }), sp.GetRequiredService<TimeProvider>(), NullLogger<DiscordRestClient>.Instance))],
            sp.GetRequiredService<GapRepairRuns>(),
            Options.Create(new BackfillOptions()),
            sp.GetRequiredService<TimeProvider>(),
            NullLogger<GapRepairService>.Instance));

        // The page also holds the help-channel and retention panels (their own tests are in Settings/).
        AddRetentionServices();
        Services.AddSingleton<DiscordAnalytics.Core.Analytics.HelpChannelSettings>();
        Services.AddSingleton<DiscordAnalytics.Core.Analytics.EscalationRoleSettings>();
    }

    private BackfillService Backfill => Services.GetRequiredService<BackfillService>();

    [Fact]
    public async Task Start_AfterOptInWithDepthAndChannel_QueuesThatRun()
    {
        await SeedWorldAsync();
        var cut = RenderSettings();
        cut.WaitForElement("[data-testid=backfill-start]");
        Assert.True(cut.Find("[data-testid=backfill-start]").HasAttribute("disabled"));
        Assert.Empty(cut.FindAll("[data-testid=backfill-depth-90]"));

        cut.Find("[data-testid=backfill-optin] input").Change(true);
        cut.Find("[data-testid=backfill-depth-14]").Click();
        cut.Find($"[data-testid=backfill-channel-choice-{World.Setups}] input").Change(true);
        cut.Find("[data-testid=backfill-start]").Click();

        cut.WaitForAssertion(() => Assert.Equal(BackfillState.Queued.StoredName(), cut.Find("[data-testid=backfill-state]").TextContent.Trim()));
        var status = await Backfill.GetStatusAsync(World.Guild, default);
        Assert.Equal(14, status!.Days);
        Assert.Equal([$"{World.Setups}"], status.ChannelIds);
        Assert.Equal([status.RunId], _scheduler.Enqueued);
        Assert.True(cut.Find("[data-testid=backfill-start]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Progress_Reported_UpdatesGuildAndChannelBarsWithoutReloadAndEndsWithTheReport()
    {
        await SeedWorldAsync();
        var runId = await StartRunAsync();
        var cut = RenderSettings();
        cut.WaitForElement("[data-testid=backfill-state]");

        await using (var db = Services.GetRequiredService<IDbContextFactory<AnalyticsDbContext>>().CreateDbContext())
        {
            db.BackfillChannels.AddRange(
                Row(runId, World.General, "general", 0, BackfillChannelState.Running, pages: 2, messages: 200, oldestDaysAgo: 15),
                Row(runId, World.Setups, "setups", 1, BackfillChannelState.Skipped, reason: "403: the bot may not read this channel's history"));
            var run = await db.BackfillRuns.SingleAsync(r => r.RunId == runId);
            run.State = BackfillState.Running;
            run.DiscoveredAt = run.RequestedAt;
            await db.SaveChangesAsync();
        }

        _backfillNotifier.Publish(World.Guild);

        // general reached 15 of 30 days (50%); the skipped channel counts as done (100%): the guild is at 75%.
        cut.WaitForAssertion(() => Assert.Equal("75%", cut.Find("[data-testid=backfill-guild-percent]").TextContent.Trim()));
        Assert.Equal("50%", cut.Find($"[data-testid=backfill-channel-{World.General}-percent]").TextContent.Trim());
        Assert.Contains("skipped: 403", cut.Find($"[data-testid=backfill-channel-{World.Setups}-detail]").TextContent, StringComparison.Ordinal);
        Assert.Contains("200 messages", cut.Find("[data-testid=backfill-guild-detail]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=backfill-report]"));

        await using (var db = Services.GetRequiredService<IDbContextFactory<AnalyticsDbContext>>().CreateDbContext())
        {
            var general = await db.BackfillChannels.SingleAsync(c => c.RunId == runId && c.ChannelId == (long)World.General);
            general.State = BackfillChannelState.Done;
            general.Pages = 3;
            general.Messages = 260;
            general.Reactions = 31;
            var run = await db.BackfillRuns.SingleAsync(r => r.RunId == runId);
            run.State = BackfillState.Completed;
            run.FinishedAt = run.RequestedAt + 60_000;
            await db.SaveChangesAsync();
        }

        _backfillNotifier.Publish(World.Guild);

        cut.WaitForAssertion(() => Assert.Equal("260", cut.Find("[data-testid=backfill-report-messages]").TextContent.Trim()));
        Assert.Equal("100%", cut.Find("[data-testid=backfill-guild-percent]").TextContent.Trim());
        Assert.Equal("31", cut.Find("[data-testid=backfill-report-reactions]").TextContent.Trim());
        Assert.Contains("403", Assert.Single(cut.FindAll("[data-testid=backfill-report-skipped]")).TextContent, StringComparison.Ordinal);
        Assert.False(cut.Find("[data-testid=backfill-start]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task PauseResumeCancel_Buttons_ChangeTheStoredRun()
    {
        await SeedWorldAsync();
        await StartRunAsync();
        var cut = RenderSettings();

        cut.WaitForElement("[data-testid=backfill-pause]").Click();
        cut.WaitForAssertion(() => Assert.Equal(BackfillState.Paused.StoredName(), cut.Find("[data-testid=backfill-state]").TextContent.Trim()));
        Assert.Equal(BackfillState.Paused, (await Backfill.GetStatusAsync(World.Guild, default))!.State);

        cut.Find("[data-testid=backfill-resume]").Click();
        cut.WaitForAssertion(() => Assert.Equal(BackfillState.Queued.StoredName(), cut.Find("[data-testid=backfill-state]").TextContent.Trim()));
        Assert.Equal(2, _scheduler.Enqueued.Count);

        cut.Find("[data-testid=backfill-cancel]").Click();
        cut.WaitForAssertion(() => Assert.Equal(BackfillState.Cancelled.StoredName(), cut.Find("[data-testid=backfill-state]").TextContent.Trim()));
        Assert.Equal(BackfillState.Cancelled, (await Backfill.GetStatusAsync(World.Guild, default))!.State);
        cut.WaitForElement("[data-testid=backfill-report]");
    }

    [Fact]
    public async Task JobServerFailure_OfAQueuedRun_ShowsFailedWithTheReasonWithoutReloadAndAllowsANewStart()
    {
        await SeedWorldAsync();
        var runId = await StartRunAsync();
        var cut = RenderSettings();
        cut.WaitForAssertion(() => Assert.Equal(BackfillState.Queued.StoredName(), cut.Find("[data-testid=backfill-state]").TextContent.Trim()));
        var recorder = new BackfillFailureRecorder(
            Services.GetRequiredService<IDbContextFactory<AnalyticsDbContext>>(),
            Services.GetRequiredService<BackfillRegistry>(),
            _backfillNotifier,
            Services.GetRequiredService<TimeProvider>(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<BackfillFailureRecorder>.Instance);

        Assert.True(recorder.Record(runId, "The backfill job was deleted from the job server before the run finished."));

        cut.WaitForAssertion(() => Assert.Equal(BackfillState.Failed.StoredName(), cut.Find("[data-testid=backfill-state]").TextContent.Trim()));
        Assert.Equal("The backfill job was deleted from the job server before the run finished.", cut.Find("[data-testid=backfill-error]").TextContent.Trim());
        Assert.False(cut.Find("[data-testid=backfill-start]").HasAttribute("disabled"));
        // A run that ended meanwhile keeps its end: a second report of the same job changes nothing.
        Assert.False(recorder.Record(runId, "again"));
    }

    [Fact]
    public async Task SelectGuild_Other_ShowsItAndWritesTheAddressInTheBrowserOnly()
    {
        await SeedWorldAsync();
        var cut = RenderSettings();
        cut.WaitForAssertion(() => Assert.Equal(World.Guild.ToString(), cut.FindComponent<BackfillPanel>().Instance.GuildId));

        var select = cut.FindComponent<MudSelect<string>>();
        await cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(World.OtherGuild.ToString()));

        cut.WaitForAssertion(() => Assert.Equal(World.OtherGuild.ToString(), cut.FindComponent<BackfillPanel>().Instance.GuildId));
        Assert.Equal(
            new object?[] { $"http://localhost/settings?guildId={World.Guild}", $"http://localhost/settings?guildId={World.OtherGuild}" },
            Assert.Single(JSInterop.Invocations[BrowserAddress.ReplaceIfStillAtFunction]).Arguments);
        // No server-side navigation: it would land a round trip later, over a link clicked meanwhile.
        Assert.Equal($"http://localhost/settings?guildId={World.Guild}", Navigation.Uri);
        Assert.Empty(cut.FindAll("[data-testid=settings-guild-notice]"));
    }

    [Fact]
    public async Task Render_Guild_LinksTheJobDashboardInANewTab()
    {
        await SeedWorldAsync();

        var cut = RenderSettings();

        var link = cut.WaitForElement("[data-testid=settings-jobs-link]");
        Assert.Equal("hangfire", link.GetAttribute("href"));
        Assert.Equal("_blank", link.GetAttribute("target"));
        Assert.Equal("job dashboard", link.TextContent.Trim());
    }

    [Fact]
    public async Task AddressChange_AfterAPick_ShowsTheGuildTheAddressNames()
    {
        await SeedWorldAsync();
        var cut = RenderSettings();
        var select = cut.WaitForComponent<MudSelect<string>>();
        await cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(World.OtherGuild.ToString()));
        cut.WaitForAssertion(() => Assert.Equal(World.OtherGuild.ToString(), cut.FindComponent<BackfillPanel>().Instance.GuildId));

        // Back, or a link to the first guild's settings.
        Navigation.NavigateTo($"/settings?guildId={World.Guild}&from=link");

        cut.WaitForAssertion(() => Assert.Equal(World.Guild.ToString(), cut.FindComponent<BackfillPanel>().Instance.GuildId));
    }

    [Fact]
    public async Task Render_NoGuildIdInAddress_ShowsTheFirstGuildAndLeavesTheAddressAlone()
    {
        await SeedWorldAsync();
        // Settings never read the dashboard's remembered guild: without a guildId it shows the first one.
        JSInterop.Setup<string?>("localStorage.getItem", "da.guildId").SetResult(World.Guild.ToString());
        Navigation.NavigateTo("/settings");

        var cut = Render<SettingsPage>();

        // Guilds are listed by name: "Alpha Crew" comes before "Trading Room".
        cut.WaitForAssertion(() => Assert.Equal(World.OtherGuild.ToString(), cut.FindComponent<BackfillPanel>().Instance.GuildId));
        Assert.Empty(JSInterop.Invocations[BrowserAddress.ReplaceIfStillAtFunction]);
        Assert.Equal("http://localhost/settings", Navigation.Uri);
    }

    [Fact]
    public async Task Render_UnknownGuildIdInAddress_ShowsTheFirstGuildWithANotice()
    {
        await SeedWorldAsync();
        Navigation.NavigateTo("/settings?guildId=123456789");

        var cut = Render<SettingsPage>();

        cut.WaitForAssertion(() => Assert.Equal(World.OtherGuild.ToString(), cut.FindComponent<BackfillPanel>().Instance.GuildId));
        Assert.Equal("No data for server 123456789. Showing Alpha Crew instead.", cut.Find("[data-testid=settings-guild-notice]").TextContent.Trim());
    }

    [Fact]
    public async Task GapRepair_StartedAfterDowntime_ShowsItsSpanAndStateAndFollowsItWithoutReload()
    {
        await SeedWorldAsync();
        var cut = RenderSettings();
        cut.WaitForElement("[data-testid=gap-repair-none]");
        Assert.StartsWith("On:", cut.Find("[data-testid=gap-repair-setting]").TextContent.Trim(), StringComparison.Ordinal);

        var lastEventAt = Now.AddHours(-3).ToUnixTimeMilliseconds();
        var runId = await Services.GetRequiredService<GapRepairRuns>().StartAsync(World.Guild, lastEventAt, Now.ToUnixTimeMilliseconds(), default);

        cut.WaitForAssertion(() => Assert.Equal(BackfillState.Queued.StoredName(), cut.Find("[data-testid=gap-repair-state]").TextContent.Trim()));
        var span = cut.Find("[data-testid=gap-repair-span]").TextContent;
        Assert.Contains($"{Now.AddHours(-3).AddMinutes(-5):yyyy-MM-dd HH:mm} UTC to {Now:yyyy-MM-dd HH:mm} UTC", span, StringComparison.Ordinal);
        Assert.Equal([runId!.Value], _scheduler.Enqueued);
        // The owner's panel is not the repair's: no owner run shows, and the owner may start one.
        Assert.Empty(cut.FindAll("[data-testid=backfill-state]"));

        await using (var db = Services.GetRequiredService<IDbContextFactory<AnalyticsDbContext>>().CreateDbContext())
        {
            await db.BackfillRuns.Where(r => r.RunId == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.State, BackfillState.Completed));
        }

        _backfillNotifier.Publish(World.Guild);
        cut.WaitForAssertion(() => Assert.Equal(BackfillState.Completed.StoredName(), cut.Find("[data-testid=gap-repair-state]").TextContent.Trim()));
    }

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<SettingsPage> RenderSettings()
    {
        Navigation.NavigateTo($"/settings?guildId={World.Guild}");
        return Render<SettingsPage>();
    }

    private async Task<long> StartRunAsync()
    {
        var outcome = await Backfill.StartAsync(World.Guild, 30, null, default);
        return outcome.Status!.RunId;
    }

    private static Core.Storage.Entities.BackfillChannel Row(long runId, ulong channel, string name, int position, BackfillChannelState state, int pages = 0, int messages = 0, int? oldestDaysAgo = null, string? reason = null) => new()
    {
        RunId = runId,
        ChannelId = (long)channel,
        GuildId = (long)World.Guild,
        Name = name,
        Position = position,
        State = state,
        SkipReason = reason,
        Pages = pages,
        Messages = messages,
        OldestAt = oldestDaysAgo is { } days ? Now.AddDays(-days).ToUnixTimeMilliseconds() : null,
        OldestMessageId = oldestDaysAgo is { } d ? (long)Core.Discord.Snowflake.FromUnixMs(Now.AddDays(-d).ToUnixTimeMilliseconds()) : null,
        UpdatedAt = Now.ToUnixTimeMilliseconds(),
    };
}
