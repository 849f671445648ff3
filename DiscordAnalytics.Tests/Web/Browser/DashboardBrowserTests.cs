using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DiscordAnalytics.Tests.Web.Browser;

/// <summary>
/// The dashboard in a real browser against the real app on a loopback port, demo community included:
/// it fills, moves on its own, and keeps the selection in the URL and local storage.
/// </summary>
public sealed class DashboardBrowserTests
{
    [Fact]
    public async Task Dashboard_DemoCommunity_FillsUpdatesLiveAndKeepsTheSelection()
    {
        await using var app = AnalyticsAppFactory.Demo(historyDays: 7, liveEventsPerSecond: 20);
        var baseUrl = app.StartOnLoopback();
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewSignedInPageAsync(baseUrl);


        // The cards fill in with the demo guild, and the guild lands in the URL and local storage.
        var messages = page.GetByTestId("total-messages-value");
        await Assertions.Expect(messages).Not.ToHaveTextAsync("0", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("guild-name")).ToHaveTextAsync("Candlestick Coders");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("guildId=\\d+"));
        var stored = await page.EvaluateAsync<string?>("localStorage.getItem('da.guildId')");
        Assert.False(string.IsNullOrEmpty(stored));
        Assert.Contains($"guildId={stored}", page.Url);
        await Assertions.Expect(page.GetByTestId("channel-row").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("content-row").First).ToBeVisibleAsync();

        // Live: without a reload, the numbers move as the demo produces events.
        var before = await messages.InnerTextAsync();
        await Assertions.Expect(messages).Not.ToHaveTextAsync(before, new() { Timeout = 30_000 });

        // The window selector changes the URL and the caption.
        await page.GetByTestId("window-selector").GetByText("30 days").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("window=30d"));
        await Assertions.Expect(page.GetByTestId("window-caption")).ToContainTextAsync("30 days");

        // A fresh visit without guildId comes back to the stored guild; a bad window is explained, not fatal.
        await page.GotoAsync(baseUrl + "/dashboard?window=12d");
        await Assertions.Expect(page.GetByTestId("window-notice")).ToContainTextAsync("window must be one of");
        await Assertions.Expect(page.GetByTestId("guild-name")).ToHaveTextAsync("Candlestick Coders");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"guildId={stored}"));
    }

    [Fact]
    public async Task Dashboard_SettingsClickedBeforeTheGuildIsInTheAddress_OpensSettingsAndStaysThere()
    {
        await using var app = AnalyticsAppFactory.Demo(historyDays: 1, liveEventsPerSecond: 0);
        var baseUrl = app.StartOnLoopback();
        await using var chromium = await Chromium.LaunchAsync();
        var browser = chromium.Browser;
        var page = await browser.NewPageAsync();
        // The dashboard remembers its guild in local storage and only then puts it into the address. Holding
        // local storage's answer open makes the click land exactly where a busy machine made it land by chance:
        // after the dashboard is live, before it has written its address.
        await page.AddInitScriptAsync("""
            (() => {
              const setItem = Storage.prototype.setItem;
              let answer;
              const answered = new Promise(resolve => answer = resolve);
              window.daTestStorageAsked = false;
              window.daTestAnswerStorage = () => answer();
              Storage.prototype.setItem = function (key, value) {
                setItem.call(this, key, value);
                if (key !== 'da.guildId') return undefined;
                window.daTestStorageAsked = true;
                return answered;
              };
            })();
            """);

        await BrowserSignIn.SignInAsync(page, baseUrl, AnalyticsAppFactory.AdminPassword);
        await Assertions.Expect(page.GetByTestId("total-messages-value")).Not.ToHaveTextAsync("0", new() { Timeout = 60_000 });
        await page.WaitForFunctionAsync("() => window.daTestStorageAsked", null, new() { Timeout = 30_000 });
        await page.GetByTestId("nav-settings").ClickAsync();
        await Assertions.Expect(page.GetByTestId("settings")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 30_000 });
        await page.EvaluateAsync("() => window.daTestAnswerStorage()");

        // One more round trip over the circuit: its answer comes after anything the answered storage call set off.
        await page.GetByTestId("backfill-optin").GetByText("Import message history").ClickAsync();
        await Assertions.Expect(page.GetByTestId("backfill-start")).ToBeEnabledAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page).ToHaveURLAsync(baseUrl + "/settings");
        await Assertions.Expect(page.GetByTestId("backfill-panel")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("card-totals")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Dashboard_AddressWrite_WaitsOutAPageBeingLeftAndKeepsUpWithQuickPicks()
    {
        await using var app = AnalyticsAppFactory.Demo(historyDays: 1, liveEventsPerSecond: 0);
        var baseUrl = app.StartOnLoopback();
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewSignedInPageAsync(baseUrl);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("guildId=\\d+"), new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("window-caption")).ToContainTextAsync("7 days");

        // A form post that goes ahead (like Sign out) leaves the old address on screen until the next page
        // arrives; replacing the address then would cancel the post (seen on CI). A synthetic submit event marks
        // the page as being left exactly like a real one, without leaving it, so what follows can be observed.
        var answers = await page.EvaluateAsync<bool[]>("""
            () => {
              const here = location.href;
              const next = here + '&window=30d';
              const replace = () => window.discordAnalytics.replaceAddressIfStillAt(here, next);
              const submit = form => form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
              // Somewhere the server did not name and this page did not write (as after a click): nothing is replaced.
              history.replaceState(history.state, '', here + '#elsewhere');
              const answers = [replace()];
              history.replaceState(history.state, '', here);

              // A form whose submit a page script handles (prevented) leaves nothing.
              const handled = document.createElement('form');
              handled.addEventListener('submit', event => event.preventDefault());
              document.body.appendChild(handled);
              submit(handled);
              answers.push(window.discordAnalytics.replaceAddressIfStillAt(here, here));
              const stays = document.createElement('form');
              document.body.appendChild(stays);
              submit(stays);
              answers.push(replace(), location.href === here);
              return answers;
            }
            """);
        Assert.Equal([false, true, false, true], answers);

        // Shown again (back from the back/forward cache): the address is written again.
        var replaced = await page.EvaluateAsync<bool>("""
            () => {
              window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
              return window.discordAnalytics.replaceAddressIfStillAt(location.href, location.href + '&window=30d');
            }
            """);
        Assert.True(replaced);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("window=30d"));
        await Assertions.Expect(page.GetByTestId("window-caption")).ToContainTextAsync("30 days");

        // Two picks within one round trip: the server has not yet heard of the first address, so the second
        // still names the one before it; the address the page wrote last counts as still here.
        var picks = await page.EvaluateAsync<bool[]>("""
            () => {
              const known = location.href;
              return [
                window.discordAnalytics.replaceAddressIfStillAt(known, known.replace('window=30d', 'window=90d')),
                window.discordAnalytics.replaceAddressIfStillAt(known, known.replace('window=30d', 'window=7d')),
              ];
            }
            """);
        Assert.Equal([true, true], picks);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("window=7d"));
        await Assertions.Expect(page.GetByTestId("window-caption")).ToContainTextAsync("7 days");

        // The picker itself, clicked twice in quick succession, ends on the second choice.
        await page.GetByTestId("window-selector").GetByText("90 days").ClickAsync();
        await page.GetByTestId("window-selector").GetByText("30 days").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("window=30d"));
        await Assertions.Expect(page.GetByTestId("window-caption")).ToContainTextAsync("30 days");
    }
}

