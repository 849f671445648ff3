using DiscordAnalytics.Web.Auth;
using DiscordAnalytics.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Rendering;

namespace DiscordAnalytics.Web.WarmUp;

/// <summary>
/// What <see cref="DashboardRehearsal"/> renders: the dashboard page inside the app's layout (its bar, status chips and
/// sign-in guard), as a signed-in visitor's page has it, so the first visitor finds the layout's components compiled too.
/// The guard is given a signed-in admin's state to pass: an object that lives in this render only, which nothing stores,
/// sends or checks a request against (the renderer drops every batch and no HTTP request is involved), so it opens nothing
/// to anyone.
/// </summary>
public sealed class RehearsalPage : ComponentBase
{
    private readonly Task<AuthenticationState> _signedIn =
        Task.FromResult(new AuthenticationState(AdminPrincipal.Create("rehearsal", securityStamp: null)));

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenComponent<CascadingValue<Task<AuthenticationState>>>(0);
        builder.AddComponentParameter(1, nameof(CascadingValue<Task<AuthenticationState>>.Value), _signedIn);
        builder.AddComponentParameter(2, nameof(CascadingValue<Task<AuthenticationState>>.ChildContent), (RenderFragment)Layout);
        builder.CloseComponent();
    }

    private static void Layout(RenderTreeBuilder builder)
    {
        builder.OpenComponent<LayoutView>(0);
        builder.AddComponentParameter(1, nameof(LayoutView.Layout), typeof(MainLayout));
        builder.AddComponentParameter(2, nameof(LayoutView.ChildContent), (RenderFragment)Page);
        builder.CloseComponent();
    }

    private static void Page(RenderTreeBuilder builder)
    {
        builder.OpenComponent<Components.Pages.Dashboard.Dashboard>(0);
        builder.CloseComponent();
    }
}
