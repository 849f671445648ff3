using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DiscordAnalytics.Tests.Web.Browser;

/// <summary>
/// Keyboard focus is visible: tabbing through the dashboard, the settings and the digests page, every control the
/// Tab key reaches draws a solid ring of at least 2px (computed outline), the window and card toggles included.
/// </summary>
public sealed class FocusBrowserTests
{
    /// <summary>
    /// Describes the focused element and whether its ring shows. MudBlazor hides the real checkbox, radio and
    /// switch inputs (opacity 0), so for those the ring is read from the box the eye sees; a text field's cue is
    /// MudBlazor's own, its outlined border turning 2px wide in the primary colour.
    /// </summary>
    private const string FocusedScript = """
        () => {
          const el = document.activeElement;
          if (!el || el === document.body) return null;
          let shown = el;
          if (el.tagName === 'INPUT' && (el.type === 'checkbox' || el.type === 'radio')) {
            const box = el.closest('.mud-checkbox, .mud-radio, .mud-switch');
            shown = box?.querySelector('.mud-switch-span') ?? box?.querySelector('.mud-button-root') ?? el;
          }
          const style = getComputedStyle(shown);
          let ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && style.outlineColor !== 'rgba(0, 0, 0, 0)';
          const border = el.classList.contains('mud-input-slot') ? el.closest('.mud-input')?.querySelector('.mud-input-outlined-border') : null;
          if (!ring && border) {
            const b = getComputedStyle(border);
            ring = b.borderTopStyle === 'solid' && parseFloat(b.borderTopWidth) >= 2;
          }
          const name = (el.getAttribute('data-testid') ?? el.closest('[data-testid]')?.getAttribute('data-testid') ?? '')
            + ' <' + el.tagName.toLowerCase() + ' class="' + (el.className?.baseVal ?? el.className) + '"> '
            + (el.getAttribute('aria-label') ?? el.innerText ?? '').trim().slice(0, 40);
          return { name, ring, outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`, toggle: el.classList.contains('mud-toggle-item') };
        }
        """;

    [Fact]
    public async Task TabThroughPages_DemoCommunity_EveryStopShowsAFocusRing()
    {
        await using var app = AnalyticsAppFactory.Demo(historyDays: 7, liveEventsPerSecond: 0);
        var baseUrl = app.StartOnLoopback();
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewSignedInPageAsync(baseUrl, "/", new() { ViewportSize = new() { Width = 1440, Height = 900 } });
        await Assertions.Expect(page.GetByTestId("member-row").First).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await Assertions.Expect(page.GetByTestId("channel-count").First).ToBeVisibleAsync(new() { Timeout = 60_000 });

        var (dashboardStops, dashboardMissing) = await TabThroughAsync(page);
        // The window choice (7/30/90 days, custom) and the two cards' ranking toggles (5 more buttons) are reached.
        Assert.True(dashboardStops.Count(s => s.Toggle) >= 9, $"only {dashboardStops.Count(s => s.Toggle)} toggle buttons reached by Tab:\n{string.Join('\n', dashboardStops.Select(s => s.Name))}");

        await page.GotoAsync(baseUrl + "/settings");
        await Assertions.Expect(page.GetByTestId("settings")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 60_000 });
        var (_, settingsMissing) = await TabThroughAsync(page);

        await page.GotoAsync(baseUrl + "/digests");
        await Assertions.Expect(page.GetByTestId("digests-page")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 60_000 });
        var (_, digestsMissing) = await TabThroughAsync(page);

        var missing = dashboardMissing.Concat(settingsMissing).Concat(digestsMissing).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} focus stops without a visible ring:\n{string.Join('\n', missing)}");
    }

    /// <summary>Presses Tab from the top of the page until focus comes back round (or 200 stops); returns every stop and those without a ring.</summary>
    private static async Task<(List<FocusStop> Stops, List<string> Missing)> TabThroughAsync(IPage page)
    {
        var stops = new List<FocusStop>();
        var missing = new List<string>();
        var path = new Uri(page.Url).AbsolutePath;
        for (var i = 0; i < 200; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var stop = await page.EvaluateAsync<FocusStop?>(FocusedScript);
            if (stop is null)
            {
                continue;
            }

            if (stops.Count > 0 && stop.Name == stops[0].Name)
            {
                break;
            }

            stops.Add(stop);
            if (!stop.Ring)
            {
                missing.Add($"{path}: {stop.Name} ({stop.Outline})");
            }
        }

        Assert.NotEmpty(stops);
        return (stops, missing);
    }

    /// <summary>One place the Tab key stopped: what it was, and whether it showed a ring.</summary>
    public sealed class FocusStop
    {
        public string Name { get; set; } = string.Empty;

        public bool Ring { get; set; }

        public string Outline { get; set; } = string.Empty;

        public bool Toggle { get; set; }
    }
}
