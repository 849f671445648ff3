namespace DiscordAnalytics.Web.Auth;

/// <summary>The outcome of a password check; <paramref name="RetryAfter"/> is set when it was refused (<see cref="SignInOutcome.LockedOut"/>, <see cref="SignInOutcome.Busy"/>).</summary>
public sealed record SignInResult(SignInOutcome Outcome, string? SecurityStamp = null, TimeSpan? RetryAfter = null)
{
    public bool Succeeded => Outcome == SignInOutcome.Succeeded;
}
