using Microsoft.Playwright;

namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>A launched chromium and its Playwright driver, closed together (see <see cref="Chromium.LaunchAsync"/>).</summary>
public sealed class ChromiumBrowser(IPlaywright playwright, IBrowser browser) : IAsyncDisposable
{
    public IBrowser Browser { get; } = browser;

    public Task<IPage> NewPageAsync(BrowserNewPageOptions? options = null) => Browser.NewPageAsync(options);

    /// <summary>
    /// A new page signed in as the factory's admin through the real login page (<see cref="BrowserSignIn"/>), left on
    /// <paramref name="path"/>. <paramref name="beforeSignIn"/> prepares the page first (init scripts, dialog and
    /// console handlers) so it sees the whole visit.
    /// </summary>
    public async Task<IPage> NewSignedInPageAsync(string baseUrl, string path = "/", BrowserNewPageOptions? options = null, Func<IPage, Task>? beforeSignIn = null)
    {
        var page = await Browser.NewPageAsync(options);
        if (beforeSignIn is not null)
        {
            await beforeSignIn(page);
        }

        await BrowserSignIn.SignInAsync(page, baseUrl, AnalyticsAppFactory.AdminPassword, path);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
    }
}
