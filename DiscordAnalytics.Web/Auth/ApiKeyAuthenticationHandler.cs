using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Web.Auth;

/// <summary>
/// <c>Authorization: Bearer &lt;Auth:ApiKey&gt;</c> for <c>/api</c> only (the Admin policy scheme sends nothing
/// else here). Compared in constant time over SHA-256 digests, so neither content nor length leaks
/// through timing. An empty Auth:ApiKey switches bearer authentication off.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptions<AuthOptions> auth) : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = auth.Value.ApiKey;
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(key) || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()));
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        if (!CryptographicOperations.FixedTimeEquals(presented, expected))
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
        }

        var principal = AdminPrincipal.Create(AuthSchemes.ApiKey, securityStamp: null);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, AuthSchemes.ApiKey)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        await UnauthorizedProblem.WriteAsync(Context, "A valid API key (Authorization: Bearer <Auth:ApiKey>) or a signed-in admin is required.");
    }
}
