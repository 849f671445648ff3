using Microsoft.Playwright;

namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>
/// Debian's chromium driven by Microsoft.Playwright (never a downloaded browser). `.ci/run` installs the
/// package; locally: <c>apt-get install -y chromium</c>.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<ChromiumBrowser> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"Browser tests need Debian's chromium at {ExecutablePath}: apt-get install -y chromium");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // Without the networking flags chromium keeps trying to reach the internet, which is closed here.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        return new ChromiumBrowser(playwright, browser);
    }
}
