using System.Security.Claims;

namespace DiscordAnalytics.Web.Auth;

/// <summary>The signed-in admin: one role, and (for cookies) the credential's security stamp.</summary>
public static class AdminPrincipal
{
    public const string Role = "admin";
    public const string StampClaim = "da:stamp";

    public static ClaimsPrincipal Create(string authenticationType, string? securityStamp)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, "admin"),
            new(ClaimTypes.Role, Role),
        };
        if (securityStamp is not null)
        {
            claims.Add(new Claim(StampClaim, securityStamp));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType));
    }
}
