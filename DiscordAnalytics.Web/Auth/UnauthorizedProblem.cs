namespace DiscordAnalytics.Web.Auth;

/// <summary>The 401 problem+json that <c>/api</c> and the Blazor hub answer instead of a redirect to the login page.</summary>
public static class UnauthorizedProblem
{
    /// <summary>Paths that answer 401 (machines call them); every other path is a page and redirects to <c>/login</c>.</summary>
    public static bool AppliesTo(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/_blazor", StringComparison.OrdinalIgnoreCase);

    public static Task WriteAsync(HttpContext context, string detail) =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in required", detail: detail).ExecuteAsync(context);
}
