namespace DiscordAnalytics.Web.Auth;

/// <summary>
/// The answer of <see cref="LoginThrottle.TryReserve"/>: a reserved attempt (the password may be hashed, then
/// <see cref="LoginThrottle.Complete"/> is called exactly once) or a refusal saying why and how long to wait.
/// </summary>
public readonly record struct PasswordCheckGrant(string Client, bool Granted, SignInOutcome Refusal, TimeSpan RetryAfter)
{
    public static PasswordCheckGrant Reserved(string client) => new(client, true, SignInOutcome.Succeeded, TimeSpan.Zero);

    public static PasswordCheckGrant Refused(string client, SignInOutcome why, TimeSpan retryAfter) => new(client, false, why, retryAfter);
}
