using DiscordAnalytics.Web.Auth;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Net.Http.Headers;

namespace DiscordAnalytics.Web.Security;

/// <summary>
/// API writes (POST/PUT/PATCH/DELETE under <c>/api</c>) authenticated by the sign-in cookie must say
/// <c>Content-Type: application/json</c>, carry an <c>X-Requested-With</c> header, or carry a valid antiforgery
/// token (header <c>RequestVerificationToken</c>). A cross-site page can submit a form or a simple
/// <c>fetch</c> (form, multipart or text/plain bodies, no custom headers) with the admin's cookie attached where
/// a browser allows it; it cannot send JSON or a custom header without a CORS preflight, which this app never
/// grants. So such a write is refused before the endpoint runs: 415 when the body has another media type, 400
/// when the request says nothing. Bearer-key requests (scripts) are not affected; routes that do not accept the
/// method keep their own answer (405).
/// </summary>
public sealed class CookieApiWriteGuard(RequestDelegate next, IAntiforgery antiforgery)
{
    public const string Detail =
        "API writes from a signed-in browser need Content-Type: application/json (or an X-Requested-With header, or an antiforgery token).";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!AppliesTo(context) || await IsAllowedAsync(context))
        {
            await next(context);
            return;
        }

        var status = string.IsNullOrEmpty(context.Request.ContentType) ? StatusCodes.Status400BadRequest : StatusCodes.Status415UnsupportedMediaType;
        await Results.Problem(
            statusCode: status,
            title: status == StatusCodes.Status400BadRequest ? "Content type required" : "Unsupported media type",
            detail: Detail).ExecuteAsync(context);
    }

    private static bool AppliesTo(HttpContext context)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || !IsWrite(request.Method))
        {
            return false;
        }

        var methods = context.GetEndpoint()?.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
        return methods is not null
            && methods.Contains(request.Method, StringComparer.OrdinalIgnoreCase)
            && context.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == AuthSchemes.Cookie);
    }

    private static bool IsWrite(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    private async Task<bool> IsAllowedAsync(HttpContext context)
    {
        var request = context.Request;
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && (type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        if (!string.IsNullOrWhiteSpace(request.Headers.XRequestedWith))
        {
            return true;
        }

        return await antiforgery.IsRequestValidAsync(context);
    }
}
