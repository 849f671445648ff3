using MudBlazor;

namespace DiscordAnalytics.Web.Components.Layout;

/// <summary>
/// The app's MudBlazor theme: MudBlazor's light palette with the status colours darkened until text in them (the
/// change percentages, chips, outlined buttons, alerts) reads at 4.5:1 or more on white, as WCAG AA asks of small
/// text. MudBlazor's defaults fall short: error #f44336 is 3.68:1, success #00c853 2.23:1, info #2196f3 3.12:1
/// under white text. AccessibilityBrowserTests holds every page to this with axe.
/// </summary>
public static class AppTheme
{
    public static MudTheme Light { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            // 5.62:1 on white.
            Error = "#c62828",
            ErrorDarken = "#b71c1c",
            // 5.13:1 on white.
            Success = "#2e7d32",
            SuccessDarken = "#1b5e20",
            // 5.75:1 with white text, 5.75:1 as text on white.
            Info = "#1565c0",
            InfoDarken = "#0d47a1",
            // 5.02:1 as text on white (orange #ff9800 is 2.16:1).
            Warning = "#b45309",
            WarningDarken = "#92400e",
        },
    };
}
