using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Web.Auth;

/// <summary>
/// The authentication state of a Blazor circuit, checked again every <see cref="AuthOptions.SessionCheckInterval"/>:
/// a circuit opened with a cookie whose security stamp is no longer the credential's (the admin signed out
/// or changed the password since) turns anonymous, and the layout then leaves for the login page. Without
/// this, an open dashboard would keep showing live data until reloaded, since a circuit never sends the
/// cookie again.
/// </summary>
public sealed class AdminSessionRevalidator(
    ILoggerFactory loggerFactory,
    AdminCredentials credentials,
    IOptions<AuthOptions> options) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => options.Value.SessionCheckInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        IsCurrent(authenticationState, await credentials.GetCurrentStampAsync(cancellationToken));

    /// <summary>
    /// Cookie sessions must carry the current stamp. The API key never reaches a circuit (it opens
    /// <c>/api</c> only); anything without a stamp is therefore not a valid session here.
    /// </summary>
    internal static bool IsCurrent(AuthenticationState state, string? currentStamp)
    {
        var stamp = state.User.FindFirst(AdminPrincipal.StampClaim)?.Value;
        return currentStamp is not null && stamp is not null && string.Equals(stamp, currentStamp, StringComparison.Ordinal);
    }
}
