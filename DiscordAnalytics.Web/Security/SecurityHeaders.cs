namespace DiscordAnalytics.Web.Security;

/// <summary>
/// The security headers on every response: a Content-Security-Policy for Blazor Server + MudBlazor, no MIME
/// sniffing, no framing, a strict referrer policy. HSTS is added by UseHsts (HTTPS requests only).
/// </summary>
public sealed class SecurityHeaders
{
    /// <summary>
    /// Blazor Server needs only same-origin scripts and its WebSocket (<c>connect-src 'self'</c> covers
    /// ws/wss to the same host). MudBlazor sets inline <c>style</c> attributes (and the charts' SVG uses
    /// them), hence <c>style-src 'unsafe-inline'</c>; scripts stay strict: no inline, no eval.
    /// </summary>
    public const string DefaultContentSecurityPolicy =
        "default-src 'self'; " +
        "script-src 'self'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    /// <summary>
    /// Path prefixes that need a different CSP than <see cref="DefaultContentSecurityPolicy"/>: the first
    /// matching prefix wins. The hook for pages we do not render ourselves, e.g. the Hangfire dashboard
    /// (<c>"/hangfire"</c>), which uses inline scripts. Keep <c>frame-ancestors 'none'</c> in every entry.
    /// </summary>
    public IList<KeyValuePair<PathString, string>> PathPolicies { get; } = [];

    public string PolicyFor(PathString path)
    {
        foreach (var (prefix, policy) in PathPolicies)
        {
            if (path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return policy;
            }
        }

        return DefaultContentSecurityPolicy;
    }
}
