using DiscordAnalytics.Core.Analytics.Leaderboard;
using DiscordAnalytics.Web.Auth;
using DiscordAnalytics.Web.Components.Pages.Public;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DiscordAnalytics.Web.PublicLeaderboard;

/// <summary>
/// <c>GET /public/leaderboard/{token}</c>: a guild's read-only leaderboard for anyone with the link, off until Settings
/// turns it on. The token opens this one page and nothing else: it is not a credential anywhere (the dashboard and the
/// API still ask for the admin or the API key), and a token that is not the guild's current one is a plain 404.
/// </summary>
public static class PublicLeaderboardEndpoints
{
    public static IServiceCollection AddPublicLeaderboard(this IServiceCollection services)
    {
        services.AddOptions<PublicLeaderboardOptions>().BindConfiguration(PublicLeaderboardOptions.Section)
            .Validate(o => o.RequestsPerMinute is >= 1 and <= 6_000, "PublicLeaderboard:RequestsPerMinute must be between 1 and 6000.")
            .Validate(o => o.CacheSeconds is >= 0 and <= 3_600, "PublicLeaderboard:CacheSeconds must be between 0 and 3600.")
            .Validate(o => o.Top is >= 1 and <= 100, "PublicLeaderboard:Top must be between 1 and 100.")
            .ValidateOnStart();
        services.AddSingleton<PublicPageThrottle>();
        services.AddSingleton<PublicLeaderboardCache>();
        return services;
    }

    public static IEndpointRouteBuilder MapPublicLeaderboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/public/leaderboard/{token}", async (
            string token, HttpContext http, PublicPageThrottle throttle, LeaderboardSettingsStore settings, PublicLeaderboardCache cache, CancellationToken ct) =>
        {
            // Never kept by a browser or a proxy: a revoked link must stop showing the page at once, everywhere.
            http.Response.Headers.CacheControl = "no-store";
            // The address holds the token: no other site learns it from a Referer, no search engine lists it.
            http.Response.Headers["Referrer-Policy"] = "no-referrer";
            http.Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
            if (!throttle.TryTake(SignInClient.ThrottleKey(http), out var retryAfter))
            {
                http.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Results.StatusCode(StatusCodes.Status429TooManyRequests);
            }

            if (await settings.GuildOfPublicTokenAsync(token, ct) is not { } guild)
            {
                return Results.NotFound();
            }

            var view = await cache.GetAsync(guild, ct);
            return new RazorComponentResult<PublicLeaderboardPage>(new Dictionary<string, object?> { [nameof(PublicLeaderboardPage.View)] = view });
        }).AllowAnonymous();
        return app;
    }
}
