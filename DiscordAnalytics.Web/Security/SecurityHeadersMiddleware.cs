using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Web.Security;

/// <summary>
/// Adds the <see cref="SecurityHeaders"/> when the response starts, so error pages and responses whose
/// headers were cleared on the way (the exception handler does that) carry them too.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<SecurityHeaders> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = options.Value.PolicyFor(context.Request.Path);
            headers.XContentTypeOptions = "nosniff";
            // frame-ancestors 'none' for current browsers, X-Frame-Options for old ones.
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
