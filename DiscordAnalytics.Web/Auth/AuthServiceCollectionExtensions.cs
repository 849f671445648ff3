using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Web.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>
    /// Admin sign-in: a cookie for people, a bearer API key for <c>/api</c>, and a FALLBACK policy requiring the
    /// admin, so every endpoint (pages, <c>/api</c>, the Blazor hub, and whatever is mapped later) refuses
    /// anonymous users unless it says <c>AllowAnonymous</c> itself.
    /// </summary>
    public static IHostApplicationBuilder AddAdminAuth(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section)
            .Validate(o => o.SessionCheckInterval > TimeSpan.Zero, "Auth:SessionCheckInterval must be a positive time span, e.g. 00:00:30.")
            .Validate(o => o.PasswordChecksPerSecond is >= 1 and <= 1000, "Auth:PasswordChecksPerSecond must be between 1 and 1000.")
            .Validate(o => o.HasAcceptablePassword, $"Auth:AdminPassword must be empty (a password is generated) or at least {AdminCredentials.MinimumPasswordLength} characters long.")
            .Validate(o => o.HasAcceptableApiKey, $"Auth:ApiKey must be empty (bearer keys off) or at least {AuthOptions.MinimumApiKeyLength} characters long, e.g. from `openssl rand -base64 32`.")
            .ValidateOnStart();
        // Sign-in state has its own context (and migrations history) in the store's file.
        services.AddDbContextFactory<AuthDbContext>((sp, options) =>
            AuthDbContext.Configure(options, sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        // The keys that sign the cookie: shared by every instance of a PostgreSQL store, in the data folder on SQLite.
        services.AddSignInKeyRing();
        services.AddSingleton<LoginThrottle>();
        services.TryAddSingleton<IPasswordHasher<AdminCredential>, PasswordHasher<AdminCredential>>();
        services.AddSingleton<AdminCredentials>();
        services.TryAddSingleton(new AdminConsole(Console.Out));
        services.AddHostedService<AdminPasswordInitializer>();

        services.AddAuthentication(AuthSchemes.Admin)
            .AddPolicyScheme(AuthSchemes.Admin, "Admin cookie or API key", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                    && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? AuthSchemes.ApiKey
                        : AuthSchemes.Cookie)
            .AddCookie(AuthSchemes.Cookie, options =>
            {
                options.Cookie.Name = "da.admin";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = "/login";
                options.LogoutPath = "/logout";
                options.ExpireTimeSpan = TimeSpan.FromHours(12);
                options.SlidingExpiration = true;
                options.Events = new CookieAuthenticationEvents
                {
                    OnRedirectToLogin = context => UnauthorizedProblem.AppliesTo(context.Request.Path)
                        ? UnauthorizedProblem.WriteAsync(context.HttpContext, "A signed-in admin or a valid API key (Authorization: Bearer <Auth:ApiKey>) is required.")
                        : RedirectAsync(context),
                    OnRedirectToAccessDenied = context => UnauthorizedProblem.AppliesTo(context.Request.Path)
                        ? Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden").ExecuteAsync(context.HttpContext)
                        : RedirectAsync(context),
                    OnValidatePrincipal = ValidateStampAsync,
                };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthSchemes.ApiKey, _ => { });

        var admin = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(AdminPrincipal.Role).Build();
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(admin)
            .SetFallbackPolicy(admin);
        services.AddCascadingAuthenticationState();
        // Replaces Blazor's default provider (registered with TryAdd): circuits re-check their session.
        services.AddScoped<AuthenticationStateProvider, AdminSessionRevalidator>();
        return builder;
    }

    /// <summary>
    /// Authentication, authorization, then the rule for cookie-authenticated API writes
    /// (<see cref="CookieApiWriteGuard"/>); call after routing-independent middleware, before antiforgery and endpoints.
    /// </summary>
    public static WebApplication UseAdminAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<CookieApiWriteGuard>();
        return app;
    }

    /// <summary>
    /// <c>POST /logout</c> (form with antiforgery token): ends the cookie session and, for a signed-in admin,
    /// every other one (a new security stamp), so a copied cookie or an open dashboard stops working too.
    /// </summary>
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        // Binding the form makes minimal APIs validate its antiforgery token (400 without one).
        app.MapPost("/logout", async (HttpContext context, IFormCollection form, AdminCredentials credentials) =>
        {
            // Only a signed-in admin ends the sessions: the login page hands anonymous visitors a token too,
            // and they must not be able to sign the admin out.
            if (context.User.IsInRole(AdminPrincipal.Role))
            {
                await credentials.EndAllSessionsAsync(context.RequestAborted);
            }

            await context.SignOutAsync(AuthSchemes.Cookie);
            return Results.Redirect("/login");
        }).AllowAnonymous();
        return app;
    }

    private static Task RedirectAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>A cookie issued before the last password change carries an old stamp: it no longer signs in.</summary>
    private static async Task ValidateStampAsync(CookieValidatePrincipalContext context)
    {
        var current = await context.HttpContext.RequestServices.GetRequiredService<AdminCredentials>().GetCurrentStampAsync(context.HttpContext.RequestAborted);
        var stamp = context.Principal?.FindFirst(AdminPrincipal.StampClaim)?.Value;
        if (current is null || stamp is null || !string.Equals(stamp, current, StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AuthSchemes.Cookie);
        }
    }
}
