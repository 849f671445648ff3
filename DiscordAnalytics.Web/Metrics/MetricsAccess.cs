using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Web.Metrics;

/// <summary>
/// Who may scrape <c>/metrics</c>: with <c>Metrics:BearerToken</c> set, whoever sends it (compared in constant time
/// over SHA-256 digests, like the API key); without one, only a client on this machine that did not come through a
/// proxy. The admin cookie plays no part: a scraper has none, and a browser's session must not open it either.
/// </summary>
public sealed class MetricsAccess(RequestDelegate next, IOptions<MetricsOptions> options)
{
    /// <summary>Headers a reverse proxy adds: a request carrying one is not taken as local, even from loopback.</summary>
    private static readonly string[] ProxyHeaders = ["X-Forwarded-For", "Forwarded", "X-Real-IP"];

    public async Task InvokeAsync(HttpContext context)
    {
        var settings = options.Value;
        if (settings.HasToken)
        {
            if (!HasToken(context.Request, settings.BearerToken))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await context.Response.WriteAsync("A valid bearer token (Authorization: Bearer <Metrics:BearerToken>) is required.\n", context.RequestAborted);
                return;
            }
        }
        else if (!IsLocal(context))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsync("Without Metrics:BearerToken, /metrics answers this machine only (loopback, no proxy). Set a token to scrape from elsewhere.\n", context.RequestAborted);
            return;
        }

        await next(context);
    }

    private static bool HasToken(HttpRequest request, string token)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()));
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        return CryptographicOperations.FixedTimeEquals(presented, expected);
    }

    private static bool IsLocal(HttpContext context)
    {
        if (context.Connection.RemoteIpAddress is not { } address || ProxyHeaders.Any(context.Request.Headers.ContainsKey))
        {
            return false;
        }

        return IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
    }
}
