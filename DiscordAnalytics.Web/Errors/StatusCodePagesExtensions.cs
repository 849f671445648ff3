using Microsoft.AspNetCore.Http.Headers;

namespace DiscordAnalytics.Web.Errors;

/// <summary>
/// Answers for responses that end without a body (an address nothing serves, a wrong method): problem+json, as
/// the API promises, except that a browser asking for a page gets a page. A mistyped or stale page address used
/// to show a person a line of raw JSON with no way back.
/// </summary>
public static class StatusCodePagesExtensions
{
    private const string NotFoundPage = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1.0" />
        <title>Not found · DiscordAnalytics</title>
        <link href="/app.css" rel="stylesheet" />
        <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
        </head>
        <body style="margin: 0">
        <main class="da-auth">
          <div class="da-auth-card" data-testid="not-found">
            <div class="da-auth-brand">DiscordAnalytics</div>
            <h1>Nothing here</h1>
            <p>This address is not a page of DiscordAnalytics.</p>
            <p><a href="/" data-testid="not-found-home">Go to the dashboard</a></p>
          </div>
        </main>
        </body>
        </html>
        """;

    public static WebApplication UseStatusCodePagesWithBrowserPages(this WebApplication app)
    {
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            if (IsBrowserAskingForAPage(http))
            {
                http.Response.ContentType = "text/html; charset=utf-8";
                await http.Response.WriteAsync(NotFoundPage, http.RequestAborted);
                return;
            }

            // What UseStatusCodePages() writes by default when problem details are registered.
            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.TryWriteAsync(new() { HttpContext = http, ProblemDetails = { Status = http.Response.StatusCode } });
        });
        return app;
    }

    /// <summary>A GET for a page (not the API, the job dashboard or health) that nothing serves, from a client that wants HTML.</summary>
    private static bool IsBrowserAskingForAPage(HttpContext http)
    {
        if (http.Response.StatusCode != StatusCodes.Status404NotFound || !HttpMethods.IsGet(http.Request.Method))
        {
            return false;
        }

        var path = http.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/hangfire") || path.StartsWithSegments("/healthz"))
        {
            return false;
        }

        RequestHeaders headers = http.Request.GetTypedHeaders();
        return headers.Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
    }
}
