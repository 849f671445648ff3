using Bunit;
using DiscordAnalytics.Core.Digests;
using DiscordAnalytics.Tests.Digests;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Web.Components.Pages.Digests;
using DiscordAnalytics.Web.Components.Shared;
using DigestsPage = DiscordAnalytics.Web.Components.Pages.Digests.Digests;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;
using Emulator = DiscordAnalytics.Tests.Infrastructure.DiscordEmulator.DiscordEmulator;

namespace DiscordAnalytics.Tests.Web.Components;

/// <summary>The Digests page over a real store and the real digest services; in live mode posts go to the Discord emulator.</summary>
public sealed class DigestsPageTests : BunitContext, IAsyncLifetime
{
    private const string HostileEdit = "# Weekly digest\n## Note\nHello team <script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3)) <a href=\"https://evil.example\" onclick=\"alert(4)\">x</a>\n";
    private TempSqliteStore _store = null!;
    private Emulator? _emulator;

    public DigestsPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        DefaultWaitTimeout = TimeSpan.FromSeconds(30);
    }

    public async Task InitializeAsync()
    {
        _store = await TempSqliteStore.CreateFromTemplateAsync();
        await DigestWorld.SeedAsync(_store);
        Services.AddMudServices();
        Services.AddSingleton<DigestHtml>();
        Services.AddTransient<GuildSelection>();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }

        await _store.DisposeAsync();
    }

    [Fact]
    public async Task GenerateEditPost_LiveMode_PreviewsTheDigestSavesTheEditAndPostsIt()
    {
        _emulator = await Emulator.StartAsync();
        var cut = RenderPage(_emulator);

        cut.WaitForElement("[data-testid=generate]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Weekly digest: Candle Club", cut.Find("[data-testid=digest-preview] h1").TextContent));
        var preview = cut.Find("[data-testid=digest-preview]");
        Assert.Contains("Messages: 4 (up 100% from 2)", preview.TextContent, StringComparison.Ordinal);
        // The hostile member name is shown as typed, not as a link or bold text.
        Assert.Contains(DigestWorld.HostileName, preview.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(preview.QuerySelectorAll("a"), a => a.GetAttribute("href")!.Contains("evil", StringComparison.Ordinal));
        Assert.Equal("draft", cut.Find("[data-testid=digest-status]").TextContent.Trim());
        Assert.Single(cut.FindAll("[data-testid=history-row]"));

        cut.Find("[data-testid=digest-markdown]").Input(HostileEdit);
        cut.Find("[data-testid=save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Hello team", cut.Find("[data-testid=digest-preview]").TextContent, StringComparison.Ordinal));
        Assert.Equal("Saved.", cut.Find("[data-testid=digest-message]").TextContent.Trim());

        // The post select is a MudSelect: choosing an item hands its value to ValueChanged.
        var postSelect = cut.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Channel to post to");
        await cut.InvokeAsync(() => postSelect.Instance.ValueChanged.InvokeAsync(DigestWorld.General.ToString()));
        cut.Find("[data-testid=post]").Click();

        cut.WaitForAssertion(() => Assert.Equal("posted", cut.Find("[data-testid=digest-status]").TextContent.Trim()));
        Assert.Equal("Posted: 1 message sent.", cut.Find("[data-testid=digest-message]").TextContent.Trim());
        var posted = Assert.Single(_emulator.PostedMessages);
        Assert.Equal(DigestWorld.General.ToString(), posted.ChannelId);
        Assert.Equal(["Weekly digest", "Note"], posted.Body["embeds"]!.AsArray().Select(e => e!["title"]?.GetValue<string>()));
        Assert.Equal("[]", posted.Body["allowed_mentions"]!["parse"]!.ToJsonString());
        var stored = Assert.Single(await Services.GetRequiredService<DigestService>().ListAsync(DigestWorld.Guild, CancellationToken.None));
        Assert.Equal(HostileEdit, stored.Markdown);
        Assert.True(cut.Find("[data-testid=digest-markdown]").HasAttribute("disabled"), "a posted digest can no longer be edited");
    }

    [Fact]
    public void Preview_HostileMarkdown_RendersInert()
    {
        var cut = RenderPage(emulator: null);
        cut.WaitForElement("[data-testid=generate]").Click();
        cut.WaitForElement("[data-testid=digest-preview] h1");

        cut.Find("[data-testid=digest-markdown]").Input(HostileEdit);

        cut.WaitForAssertion(() => Assert.Contains("Hello team", cut.Find("[data-testid=digest-preview]").TextContent, StringComparison.Ordinal));
        var preview = cut.Find("[data-testid=digest-preview]");
        Assert.Empty(preview.QuerySelectorAll("script, img, iframe"));
        Assert.DoesNotContain(preview.QuerySelectorAll("*"), e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(preview.QuerySelectorAll("a"), a => a.GetAttribute("href") is { } href && !href.StartsWith("https://", StringComparison.Ordinal));
        // The markup is shown as the text it is.
        Assert.Contains("<script>alert(1)</script>", preview.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Post_DemoMode_ExplainsThereIsNoDiscordAndOffersNoPostButton()
    {
        var cut = RenderPage(emulator: null);

        cut.WaitForElement("[data-testid=generate]").Click();

        cut.WaitForElement("[data-testid=demo-notice]");
        Assert.Empty(cut.FindAll("[data-testid=post]"));
        Assert.Equal("Posts as 1 message with 7 embeds; mentions are switched off.", cut.Find("[data-testid=digest-parts]").TextContent.Trim());
    }

    [Fact]
    public void History_SummaryButton_ShowsTheSummaryTheDigestWasBuiltFrom()
    {
        var cut = RenderPage(emulator: null);
        cut.WaitForElement("[data-testid=generate]").Click();
        cut.WaitForElement("[data-testid=history-row]");

        cut.Find("[data-testid=history-summary]").Click();

        // A table a person reads: dates, each total beside the previous window and the change.
        var table = cut.WaitForElement("[data-testid=summary-table]");
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2} \(7 days, UTC\)", cut.Find("[data-testid=summary-window]").TextContent.Trim());
        var totals = cut.FindAll("[data-testid=summary-total]").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(["Messages", "Reactions", "Active members", "Threads", "Joins", "Leaves"], totals.Select(r => r[0]));
        Assert.All(totals, r => Assert.Matches(@"^[\d,]+$", r[1]));
        Assert.DoesNotContain("\"schemaVersion\"", table.QuerySelector("[data-testid=summary-support]")!.TextContent, StringComparison.Ordinal);

        // The JSON the API returns is one click away.
        var json = cut.Find("[data-testid=summary-json]").TextContent;
        Assert.Contains("\"schemaVersion\": 1", json, StringComparison.Ordinal);
        Assert.Contains("\"guildName\": \"Candle Club\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Schedule_SaveWithATimeZone_ShowsTheNextRunInUtc()
    {
        var cut = RenderPage(emulator: null);
        cut.WaitForElement("[data-testid=save-schedule]");

        cut.Find("[data-testid=schedule-enabled] input").Change(true);
        Pick(cut, DayOfWeek.Monday);
        Pick(cut, 9);
        TypeZone(cut, "america/new_york");
        cut.Find("[data-testid=save-schedule]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Next run: 2026-11-30 14:00 UTC", cut.Find("[data-testid=schedule-next]").TextContent.Trim()));

        TypeZone(cut, "Mars/Olympus");
        cut.Find("[data-testid=save-schedule]").Click();

        cut.WaitForAssertion(() => Assert.StartsWith("timeZone must be an IANA time zone id", cut.Find("[data-testid=digest-message]").TextContent.Trim(), StringComparison.Ordinal));
    }

    /// <summary>Types into the schedule's time zone field (it suggests IANA zones) and leaves it, as a person does before Save.</summary>
    private static void TypeZone(IRenderedComponent<DigestsPage> cut, string zone)
    {
        var input = cut.Find("[data-testid=schedule-zone] input");
        input.Input(zone);
        input.Blur();
    }

    [Theory]
    [InlineData("schedule-hour", 24, "Choose an hour from 0 to 23.")]
    [InlineData("schedule-hour", -5, "Choose an hour from 0 to 23.")]
    [InlineData("schedule-day", 7, "Choose a day of the week from the list.")]
    [InlineData("schedule-day", -1, "Choose a day of the week from the list.")]
    public async Task Schedule_ValueNotOnTheList_IsRefusedUnderTheFieldAndTheStoredScheduleStays(string field, int sent, string message)
    {
        var cut = RenderPage(emulator: null);
        cut.WaitForElement("[data-testid=save-schedule]");
        cut.Find("[data-testid=schedule-enabled] input").Change(true);
        Pick(cut, 9);
        cut.Find("[data-testid=save-schedule]").Click();
        cut.WaitForAssertion(() => Assert.StartsWith("Next run:", cut.Find("[data-testid=schedule-next]").TextContent.Trim(), StringComparison.Ordinal));
        var scheduler = Services.GetRequiredService<DigestScheduler>();
        var before = await scheduler.GetAsync(DigestWorld.Guild, "UTC", CancellationToken.None);

        PickIn(cut, field, sent);
        cut.Find("[data-testid=save-schedule]").Click();

        // Said under the field it concerns (MudSelect's error text), and nothing saved.
        Assert.Equal(message, cut.Find($"[data-testid={field}] .mud-input-helper-text").TextContent.Trim());
        Assert.Equal(before, await scheduler.GetAsync(DigestWorld.Guild, "UTC", CancellationToken.None));

        // A value from the list clears the error and saves.
        PickIn(cut, field, 5);
        cut.Find("[data-testid=save-schedule]").Click();
        cut.WaitForAssertion(() => Assert.NotEqual(before, scheduler.GetAsync(DigestWorld.Guild, "UTC", CancellationToken.None).GetAwaiter().GetResult()));
        Assert.DoesNotContain(message, cut.Find($"[data-testid={field}]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Schedule_Fields_AreLabelledMudBlazorControls()
    {
        var cut = RenderPage(emulator: null);
        cut.WaitForElement("[data-testid=save-schedule]");

        // No native select or bare checkbox left in the form; each field says what it is.
        var form = cut.Find("[data-testid=digest-schedule]");
        Assert.Empty(form.QuerySelectorAll("select"));
        Assert.Equal("Generate every week", cut.Find("[data-testid=schedule-enabled] .mud-checkbox").TextContent.Trim());
        Assert.Equal("Post automatically (otherwise wait for approval here)", cut.Find("[data-testid=schedule-autopost] .mud-checkbox").TextContent.Trim());
        Assert.Equal("Day", cut.Find("[data-testid=schedule-day] label").TextContent.Trim());
        Assert.Equal("Hour", cut.Find("[data-testid=schedule-hour] label").TextContent.Trim());
        Assert.Equal("Channel", cut.Find("[data-testid=schedule-channel] label").TextContent.Trim());
    }

    /// <summary>Chooses <paramref name="value"/> in the schedule's select of that type (day, hour or channel), as a click on its item does.</summary>
    private static void Pick<T>(IRenderedComponent<DigestsPage> cut, T value)
    {
        var select = cut.FindComponent<DigestSchedulePanel>().FindComponent<MudSelect<T>>();
        cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value)).GetAwaiter().GetResult();
    }

    private static void PickIn(IRenderedComponent<DigestsPage> cut, string field, int value)
    {
        if (field == "schedule-hour")
        {
            Pick(cut, value);
        }
        else
        {
            Pick(cut, (DayOfWeek)value);
        }
    }

    /// <summary>The channels the schedule's channel select offers.</summary>
    private static string ScheduleChannels(IRenderedComponent<DigestsPage> cut) =>
        string.Join(' ', cut.FindComponent<DigestSchedulePanel>().Instance.Channels.Select(c => $"#{c.Name}"));

    [Fact]
    public void Render_EditorAndServerSelect_HaveAccessibleNames()
    {
        var cut = RenderPage(emulator: null);
        cut.WaitForElement("[data-testid=generate]").Click();

        // The editor is named by its visible label (a <label for> its textarea).
        var editor = cut.WaitForElement("textarea[data-testid=digest-markdown]");
        var id = editor.GetAttribute("id");
        Assert.False(string.IsNullOrEmpty(id));
        Assert.Equal("Digest text (Markdown)", cut.Find($"label[for='{id}']").TextContent.Trim());
        Assert.Equal("Server", GuildSelect(cut).Instance.Label);
    }

    [Fact]
    public async Task SelectGuild_Other_ShowsItAndWritesTheAddressInTheBrowserOnly()
    {
        var cut = RenderPage(emulator: null);
        cut.WaitForAssertion(() => Assert.Contains("#announcements", ScheduleChannels(cut), StringComparison.Ordinal));

        await PickGuild(cut, DigestWorld.OtherGuild);

        cut.WaitForAssertion(() => Assert.Contains("#lobby", ScheduleChannels(cut), StringComparison.Ordinal));
        Assert.DoesNotContain("#announcements", ScheduleChannels(cut), StringComparison.Ordinal);
        Assert.Equal(DigestWorld.OtherGuild.ToString(), ShownGuild(cut));
        Assert.Equal(
            new object?[] { $"http://localhost/digests?guildId={DigestWorld.Guild}", $"http://localhost/digests?guildId={DigestWorld.OtherGuild}" },
            Assert.Single(JSInterop.Invocations[BrowserAddress.ReplaceIfStillAtFunction]).Arguments);
        // No server-side navigation: it would land a round trip later, over a link clicked meanwhile.
        Assert.Equal($"http://localhost/digests?guildId={DigestWorld.Guild}", Navigation.Uri);
    }

    [Fact]
    public async Task AddressChange_AfterAPick_ShowsTheGuildTheAddressNames()
    {
        var cut = RenderPage(emulator: null);
        cut.WaitForElement("[data-testid=digest-guild]");
        await PickGuild(cut, DigestWorld.OtherGuild);
        cut.WaitForAssertion(() => Assert.Contains("#lobby", ScheduleChannels(cut), StringComparison.Ordinal));

        // Back, or a link to the first guild's digests.
        Navigation.NavigateTo($"digests?guildId={DigestWorld.Guild}&from=link");

        cut.WaitForAssertion(() => Assert.Contains("#announcements", ScheduleChannels(cut), StringComparison.Ordinal));
        Assert.Equal(DigestWorld.Guild.ToString(), ShownGuild(cut));
    }

    [Fact]
    public void Render_NoGuildIdInAddress_ShowsTheFirstGuildAndLeavesTheAddressAlone()
    {
        // Digests never read the dashboard's remembered guild: without a guildId it shows the first one by name.
        JSInterop.Setup<string?>("localStorage.getItem", "da.guildId").SetResult(DigestWorld.OtherGuild.ToString());

        var cut = RenderPage(emulator: null, address: "digests");

        cut.WaitForAssertion(() => Assert.Contains("#announcements", ScheduleChannels(cut), StringComparison.Ordinal));
        Assert.Equal(DigestWorld.Guild.ToString(), ShownGuild(cut));
        Assert.Empty(JSInterop.Invocations[BrowserAddress.ReplaceIfStillAtFunction]);
        Assert.Equal("http://localhost/digests", Navigation.Uri);
    }

    [Fact]
    public async Task Render_UnknownGuildIdInAddress_SaysSoAndShowsTheFirstGuild()
    {
        var cut = RenderPage(emulator: null, address: "digests?guildId=123");

        cut.WaitForAssertion(() => Assert.Contains("#announcements", ScheduleChannels(cut), StringComparison.Ordinal));
        Assert.Equal(DigestWorld.Guild.ToString(), ShownGuild(cut));
        Assert.Equal("No data for server 123. Showing Candle Club instead.", cut.Find("[data-testid=digests-guild-notice]").TextContent.Trim());

        // A guild picked from the list is known: the notice goes.
        await PickGuild(cut, DigestWorld.OtherGuild);
        cut.WaitForAssertion(() => Assert.Contains("#lobby", ScheduleChannels(cut), StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=digests-guild-notice]"));
    }

    [Fact]
    public void Render_KnownGuildIdInAddress_ShowsNoGuildNotice()
    {
        var cut = RenderPage(emulator: null);

        cut.WaitForAssertion(() => Assert.Contains("#announcements", ScheduleChannels(cut), StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=digests-guild-notice]"));
    }

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<DigestsPage> RenderPage(Emulator? emulator, string? address = null)
    {
        Services.AddDigestServices(_store.ConnectionString, new FakeTimeProvider(DigestWorld.Now), emulator);
        Navigation.NavigateTo(address ?? $"digests?guildId={DigestWorld.Guild}");
        return Render<DigestsPage>();
    }

    private static IRenderedComponent<MudSelect<string>> GuildSelect(IRenderedComponent<DigestsPage> cut) =>
        cut.FindComponent<GuildPicker>().FindComponent<MudSelect<string>>();

    private static string? ShownGuild(IRenderedComponent<DigestsPage> cut) =>
        cut.FindComponent<GuildPicker>().Instance.Selection.Guild?.GuildId;

    private static Task PickGuild(IRenderedComponent<DigestsPage> cut, ulong guildId)
    {
        var select = GuildSelect(cut);
        return cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(guildId.ToString()));
    }
}
