using Microsoft.Playwright;

namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>A launched chromium and its Playwright driver, closed together (see <see cref="Chromium.LaunchAsync"/>).</summary>
public sealed class ChromiumBrowser(IPlaywright playwright, IBrowser browser) : IAsyncDisposable
{
    public IBrowser Browser { get; } = browser;

    public Task<IPage> NewPageAsync(BrowserNewPageOptions? options = null) => Browser.NewPageAsync(options);

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
    }
}
