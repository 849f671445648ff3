using System.Globalization;
using System.Text.RegularExpressions;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DiscordAnalytics.Tests.Web.Browser;

/// <summary>
/// The role picker in a real browser against the real app and the demo community: picking a role puts it in the address,
/// the member cards show that role's holders (the Engagement card's figure is the one its CSV export gives for the role),
/// a reload keeps it, and "Everyone" clears it.
/// </summary>
public sealed partial class RolePickerBrowserTests
{
    [Fact]
    public async Task Dashboard_PickARole_AddressCarriesItMemberCardsFollowReloadKeepsEveryoneClears()
    {
        await using var app = AnalyticsAppFactory.Demo(historyDays: 7, liveEventsPerSecond: 0);
        var baseUrl = app.StartOnLoopback();
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewSignedInPageAsync(baseUrl);

        var mau = page.GetByTestId("engagement-mau");
        var engagement = page.GetByTestId("card-engagement");
        await Assertions.Expect(page.GetByTestId("total-messages-value")).Not.ToHaveTextAsync("0", new() { Timeout = 60_000 });
        await Assertions.Expect(mau).Not.ToHaveTextAsync(new Regex("^(0|–)$"), new() { Timeout = 30_000 });
        var everyone = Number(await mau.InnerTextAsync());
        Assert.Equal(everyone, await CsvMauAsync(page, engagement));

        // Pick the moderators: the address names the role, and the member cards say and show the holders' numbers.
        await PickAsync(page, "moderators");
        await Assertions.Expect(page).ToHaveURLAsync(RoleInAddress());
        var roleId = RoleInAddress().Match(page.Url).Groups[1].Value;
        await Assertions.Expect(engagement.GetByTestId("card-role-scope")).ToHaveTextAsync("role holders only");
        await Assertions.Expect(page.GetByTestId("card-lurkers").GetByTestId("card-role-scope")).ToHaveTextAsync("role holders only");
        await Assertions.Expect(page.GetByTestId("card-top-channels").GetByTestId("card-role-scope")).ToHaveTextAsync("not filtered by role");
        await Assertions.Expect(engagement.GetByTestId("card-export")).ToHaveAttributeAsync("href", new Regex($"roleId={roleId}"));
        await Assertions.Expect(mau).Not.ToHaveTextAsync(everyone.ToString("N0", CultureInfo.InvariantCulture));
        var moderators = Number(await mau.InnerTextAsync());
        Assert.InRange(moderators, 1, everyone - 1);
        Assert.Equal(moderators, await CsvMauAsync(page, engagement));

        // A reload keeps the role.
        await page.ReloadAsync();
        await Assertions.Expect(engagement.GetByTestId("card-role-scope")).ToHaveTextAsync("role holders only", new() { Timeout = 60_000 });
        await Assertions.Expect(mau).ToHaveTextAsync(moderators.ToString("N0", CultureInfo.InvariantCulture), new() { Timeout = 30_000 });
        Assert.Matches(RoleInAddress(), page.Url);

        // Everyone: the role leaves the address and the numbers are everyone's again.
        await PickAsync(page, "Everyone");
        await Assertions.Expect(page).Not.ToHaveURLAsync(RoleInAddress());
        await Assertions.Expect(engagement.GetByTestId("card-role-scope")).ToHaveCountAsync(0);
        await Assertions.Expect(mau).ToHaveTextAsync(everyone.ToString("N0", CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"roleId=(\d+)")]
    private static partial Regex RoleInAddress();

    private static long Number(string text) => long.Parse(text.Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    /// <summary>
    /// Opens the Members picker and clicks the entry with that name. After a reload the page shows its prerendered
    /// numbers before its circuit is connected, and a click then opens nothing: the picker is clicked again until its
    /// list opens (within a minute).
    /// </summary>
    private static async Task PickAsync(IPage page, string name)
    {
        var entry = page.Locator(".mud-popover-open").GetByText(name, new() { Exact = true });
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            await page.GetByTestId("role-picker").Locator("div.mud-select").First.ClickAsync();
            try
            {
                await entry.WaitForAsync(new() { Timeout = 5_000 });
                break;
            }
            catch (TimeoutException) when (waited.Elapsed < TimeSpan.FromMinutes(1))
            {
                // Not interactive yet: click again.
            }
        }

        await entry.ClickAsync();
    }

    /// <summary>The last day's monthly active members in the Engagement card's CSV export, fetched with the page's own sign-in.</summary>
    private static async Task<long> CsvMauAsync(IPage page, ILocator engagement)
    {
        var href = await engagement.GetByTestId("card-export").GetAttributeAsync("href");
        var response = await page.APIRequest.GetAsync(new Uri(new Uri(page.Url), href).ToString());
        Assert.True(response.Ok, $"{href}: {response.Status}");
        var last = (await response.TextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Split(',');
        return long.Parse(last[3], CultureInfo.InvariantCulture);
    }
}
