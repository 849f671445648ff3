namespace DiscordAnalytics.Web.Security;

public static class SecurityHeadersExtensions
{
    /// <summary>Security headers on every response; HSTS outside Development (UseHsts sends it on HTTPS requests only).</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        return app;
    }
}
