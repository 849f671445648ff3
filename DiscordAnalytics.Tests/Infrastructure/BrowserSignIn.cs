using Microsoft.Playwright;

namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>Signs a browser page in through the real login page, as a person would.</summary>
public static class BrowserSignIn
{
    /// <summary>Opens <paramref name="path"/>, is sent to the login page, signs in, and lands back on <paramref name="path"/>.</summary>
    public static async Task SignInAsync(IPage page, string baseUrl, string password, string path = "/")
    {
        await page.GotoAsync(baseUrl + path);
        await page.GetByTestId("login-password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("login-password")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
    }
}
