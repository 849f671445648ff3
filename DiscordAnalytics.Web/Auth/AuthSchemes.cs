namespace DiscordAnalytics.Web.Auth;

/// <summary>Authentication scheme names.</summary>
public static class AuthSchemes
{
    /// <summary>The default: forwards to <see cref="ApiKey"/> for <c>/api</c> requests with a bearer header, else to <see cref="Cookie"/>.</summary>
    public const string Admin = "Admin";

    public const string Cookie = "AdminCookie";

    public const string ApiKey = "ApiKey";
}
