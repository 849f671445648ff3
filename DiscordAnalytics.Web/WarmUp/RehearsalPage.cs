using DiscordAnalytics.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace DiscordAnalytics.Web.WarmUp;

/// <summary>
/// What <see cref="DashboardRehearsal"/> renders: the dashboard page under MudBlazor's theme and popover providers, as
/// the layout puts them (not the layout itself: its sign-in guard needs a signed-in person, and nobody is).
/// </summary>
public sealed class RehearsalPage : ComponentBase
{
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenComponent<MudThemeProvider>(0);
        builder.AddComponentParameter(1, nameof(MudThemeProvider.Theme), AppTheme.Light);
        builder.CloseComponent();
        builder.OpenComponent<MudPopoverProvider>(2);
        builder.CloseComponent();
        builder.OpenComponent<Components.Pages.Dashboard.Dashboard>(3);
        builder.CloseComponent();
    }
}
