using System.Text.RegularExpressions;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DiscordAnalytics.Tests.Web.Browser;

/// <summary>
/// The guild pickers of Settings and Digests in a real browser: a pick is written into the address by the browser,
/// replacing the entry, and only while the browser is still on that page. The server's answer to a pick is held
/// back in the page (its WebSocket messages are queued), so what a slow connection makes possible happens every time:
/// a top-bar link click before the answer to the pick has arrived. Both pages use the one MudBlazor picker.
/// </summary>
public sealed class GuildPickerBrowserTests
{
    private const ulong Alpha = 7_700_000_000_000_000_001;
    private const ulong Bravo = 7_700_000_000_000_000_002;
    private const ulong Charlie = 7_700_000_000_000_000_003;

    /// <summary>
    /// Queues the messages the server sends over the circuit's WebSocket and hands them over in order on
    /// <c>daTest.release()</c>; what the person does meanwhile reaches the server at once. <c>daTest.holdFromAddressWrite()</c>
    /// holds from the server's first instruction to change the address (a
    /// NavigateTo, or the page's own address write), which <c>daTest.holding()</c> then reports.
    /// </summary>
    private const string HoldServerAnswers = """
        (() => {
          const Native = window.WebSocket;
          const writes = ['navigationManager.navigateTo', 'replaceAddressIfStillAt'];
          const text = data => typeof data === 'string' ? data : new TextDecoder().decode(data);
          const held = [];
          let holding = false;
          let armed = false;
          window.daTest = {
            holdFromAddressWrite: () => { armed = true; },
            holding: () => holding,
            release: () => { holding = armed = false; held.splice(0).forEach(deliver => deliver()); },
          };
          window.WebSocket = class extends Native {
            get onmessage() { return super.onmessage; }
            set onmessage(handler) {
              super.onmessage = handler && (event => {
                if (armed && writes.some(w => text(event.data).includes(w))) { holding = true; }
                if (holding) { held.push(() => handler.call(this, event)); } else { handler.call(this, event); }
              });
            }
          };
        })();
        """;

    [Theory]
    [InlineData("settings")]
    [InlineData("digests")]
    public async Task Picker_QuickSuccessivePicks_AllLandInTheAddressInOneHistoryEntry(string area)
    {
        await using var app = await StartAsync();
        await using var chromium = await Chromium.LaunchAsync();
        var browser = chromium.Browser;
        var page = await OpenAsync(browser, app, $"/{area}?guildId={Alpha}");
        await Assertions.Expect(page.GetByTestId(PageTestId(area))).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 60_000 });
        var entries = await page.EvaluateAsync<int>("() => history.length");

        // Each pick closes the list; the next one opens it again as fast as the page allows.
        foreach (var name in new[] { "Bravo Guild", "Charlie Guild", "Alpha Guild", "Bravo Guild" })
        {
            await OpenPickerAsync(page, area);
            await Choice(page, name).ClickAsync();
            await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        }

        await Assertions.Expect(page).ToHaveURLAsync($"{app.LoopbackBaseUrl}/{area}?guildId={Bravo}", new() { Timeout = 30_000 });
        await Assertions.Expect(page).ToHaveTitleAsync($"Bravo Guild · {(area == "settings" ? "Settings" : "Digests")} · DiscordAnalytics");
        // Replaced, as on the dashboard: Back leaves the page instead of stepping through the guilds picked.
        Assert.Equal(entries, await page.EvaluateAsync<int>("() => history.length"));
    }

    [Theory]
    [InlineData("settings")]
    [InlineData("digests")]
    public async Task Picker_PickThenTopBarLinkBeforeTheServerAnswers_EndsOnTheLinksPage(string area)
    {
        await using var app = await StartAsync();
        await using var chromium = await Chromium.LaunchAsync();
        var browser = chromium.Browser;
        var page = await OpenAsync(browser, app, $"/{area}?guildId={Alpha}");
        await Assertions.Expect(page.GetByTestId(PageTestId(area))).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 60_000 });
        await OpenPickerAsync(page, area);
        await page.EvaluateAsync("() => window.daTest.holdFromAddressWrite()");
        await Choice(page, "Bravo Guild").ClickAsync();

        // The server has answered the pick with an address change; the link is clicked before that answer arrives.
        await page.WaitForFunctionAsync("() => window.daTest.holding()", null, new() { Timeout = 30_000 });
        await page.GetByTestId("nav-dashboard").ClickAsync();
        await page.EvaluateAsync("() => window.daTest.release()");

        await Assertions.Expect(page.GetByTestId("guild-name")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        // One more round trip over the circuit, so anything the held answers set off has reached the page.
        await page.GetByTestId("window-selector").GetByText("30 days").ClickAsync();
        await Assertions.Expect(page.GetByTestId("window-caption")).ToContainTextAsync("30 days", new() { Timeout = 30_000 });
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"^{Regex.Escape(app.LoopbackBaseUrl)}/\\?guildId=\\d+&window=30d$"));
        Assert.Equal(0, await page.GetByTestId(PageTestId(area)).CountAsync());
    }

    private static string PageTestId(string area) => area == "settings" ? "settings" : "digests-page";

    private static async Task<AnalyticsAppFactory> StartAsync()
    {
        var app = new AnalyticsAppFactory();
        app.StartOnLoopback();
        var at = DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeMilliseconds();
        await app.IngestAsync(
        [
            TestEvents.Guild(Alpha, "Alpha Guild", at),
            TestEvents.Guild(Bravo, "Bravo Guild", at),
            TestEvents.Guild(Charlie, "Charlie Guild", at),
        ]);
        return app;
    }

    private static async Task<IPage> OpenAsync(IBrowser browser, AnalyticsAppFactory app, string path)
    {
        var page = await browser.NewPageAsync();
        await page.AddInitScriptAsync(HoldServerAnswers);
        await BrowserSignIn.SignInAsync(page, app.LoopbackBaseUrl, AnalyticsAppFactory.AdminPassword, path);
        return page;
    }

    private static async Task OpenPickerAsync(IPage page, string area)
    {
        await page.GetByTestId(area == "settings" ? "settings-guild" : "digest-guild").Locator("div.mud-select").First.ClickAsync();
        await Assertions.Expect(Choice(page, "Charlie Guild")).ToBeVisibleAsync(new() { Timeout = 30_000 });
    }

    private static ILocator Choice(IPage page, string name) =>
        page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = name });
}
