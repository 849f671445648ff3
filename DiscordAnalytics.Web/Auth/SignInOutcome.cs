namespace DiscordAnalytics.Web.Auth;

public enum SignInOutcome
{
    Succeeded,
    WrongPassword,
    LockedOut,

    /// <summary>No credential could be loaded (a damaged store and no Auth:AdminPassword).</summary>
    Unavailable,
}
