using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using H = DiscordAnalytics.Tests.Infrastructure.HostileCommunity;

namespace DiscordAnalytics.Tests.Web.Browser;

/// <summary>A hostile excerpt and channel name in a real browser: shown as literal text, and nothing runs.</summary>
public sealed class HostileContentBrowserTests
{
    [Fact]
    public async Task Dashboard_HostileExcerptAndChannelName_ShowAsLiteralTextAndNoDialogOpens()
    {
        await using var app = new AnalyticsAppFactory();
        app.UseKestrel(0);
        app.StartServer();
        await app.IngestAsync(H.Events(DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeMilliseconds()));
        var baseUrl = app.LoopbackBaseUrl;
        await using var chromium = await Chromium.LaunchAsync();
        var browser = chromium.Browser;
        var page = await browser.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            lock (dialogs)
            {
                dialogs.Add(dialog.Message);
            }

            _ = dialog.DismissAsync();
        };

        await BrowserSignIn.SignInAsync(page, baseUrl, AnalyticsAppFactory.AdminPassword, $"/dashboard?guildId={H.Guild}");

        var excerpt = page.GetByTestId("content-excerpt").Filter(new() { HasText = H.Script });
        await Assertions.Expect(excerpt).ToHaveTextAsync(H.StoredExcerpt(H.Excerpt), new() { Timeout = 30_000 });
        var channel = page.GetByTestId("channel-name").Filter(new() { HasText = H.Img });
        await Assertions.Expect(channel).ToHaveTextAsync("#" + H.StoredName(H.ChannelName));
        await Assertions.Expect(page.GetByTestId("guild-name")).ToHaveTextAsync(H.StoredName(H.GuildName));
        Assert.Equal(0, await page.Locator("img[src=x], [onerror]").CountAsync());

        // An RTL override in a name must not reorder what follows it: every piece of user text is a bidi island.
        foreach (var testId in new[] { "guild-name", "channel-name", "member-name", "content-excerpt", "content-author", "content-channel" })
        {
            await Assertions.Expect(page.GetByTestId(testId).First).ToHaveCSSAsync("unicode-bidi", "isolate");
        }

        Assert.Equal(0, await page.Locator("script", new() { HasText = "alert(1)" }).CountAsync());
        // Let the page settle (interactive circuit connected, cards re-rendered live) before concluding nothing ran.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(excerpt).ToHaveTextAsync(H.StoredExcerpt(H.Excerpt));
        lock (dialogs)
        {
            Assert.Empty(dialogs);
        }
    }
}
