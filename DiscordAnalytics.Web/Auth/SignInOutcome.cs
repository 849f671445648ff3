namespace DiscordAnalytics.Web.Auth;

public enum SignInOutcome
{
    Succeeded,
    WrongPassword,

    /// <summary>This client address had too many wrong passwords (or has that many being checked right now).</summary>
    LockedOut,

    /// <summary>The global ceiling on password checks per second is reached; nothing was checked.</summary>
    Busy,

    /// <summary>No credential could be loaded (a damaged store and no Auth:AdminPassword).</summary>
    Unavailable,
}
