using Bunit;
using Bunit.TestDoubles;
using DiscordAnalytics.Web.Auth;
using DiscordAnalytics.Web.Components.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace DiscordAnalytics.Tests.Web.Components;

/// <summary>
/// The layout's guard, with the real authorization services and the authentication state cascaded as the
/// circuit does: an interactive circuit that lost the admin (its session was ended elsewhere) drops the app
/// and reloads the page; a static render (the endpoint already authorized it, e.g. the anonymous error
/// page) passes through.
/// </summary>
public sealed class SessionGuardTests : BunitContext
{
    private static readonly Task<AuthenticationState> Admin =
        Task.FromResult(new AuthenticationState(AdminPrincipal.Create(AuthSchemes.Cookie, "stamp")));

    private static readonly Task<AuthenticationState> Anonymous =
        Task.FromResult(new AuthenticationState(new System.Security.Claims.ClaimsPrincipal()));

    public SessionGuardTests()
    {
        // The real authorization services, in place of bUnit's placeholders (which refuse to answer).
        Services.AddAuthorizationCore();
        Services.AddSingleton<IAuthorizationService, DefaultAuthorizationService>();
        Services.AddSingleton<IAuthorizationPolicyProvider, DefaultAuthorizationPolicyProvider>();
    }

    [Fact]
    public void Render_InteractiveAdminWhoseSessionEnds_DropsTheAppAndReloadsThePage()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var navigation = Services.GetRequiredService<BunitNavigationManager>();
        navigation.NavigateTo("/settings?guildId=1");
        var cut = RenderGuard(Admin);
        Assert.Single(cut.FindAll("[data-testid=app]"));

        cut.Render(p => GuardParameters(p, Anonymous));

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=app]")), TimeSpan.FromSeconds(30));
        Assert.Single(cut.FindAll("[data-testid=session-ended]"));
        var reload = navigation.History.First();
        Assert.Equal("http://localhost/settings?guildId=1", navigation.ToAbsoluteUri(reload.Uri).AbsoluteUri);
        Assert.True(reload.Options.ForceLoad);
    }

    [Fact]
    public void Render_StaticAnonymousPage_ShowsItsContent()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = RenderGuard(Anonymous);

        Assert.Single(cut.FindAll("[data-testid=app]"));
        Assert.Empty(cut.FindAll("[data-testid=session-ended]"));
    }

    private IRenderedComponent<CascadingValue<Task<AuthenticationState>>> RenderGuard(Task<AuthenticationState> state) =>
        Render<CascadingValue<Task<AuthenticationState>>>(p => GuardParameters(p, state));

    /// <summary>The authentication state as the circuit cascades it, around the guard and a stand-in for the app.</summary>
    private static void GuardParameters(ComponentParameterCollectionBuilder<CascadingValue<Task<AuthenticationState>>> p, Task<AuthenticationState> state) =>
        p.Add(c => c.Value, state)
            .AddChildContent<SessionGuard>(guard => guard.Add(
                g => g.ChildContent,
                (RenderFragment)(b => b.AddMarkupContent(0, "<p data-testid=\"app\">live cards</p>"))));
}
