namespace DiscordAnalytics.Web.Auth;

/// <summary>The outcome of a password check.</summary>
public sealed record SignInResult(SignInOutcome Outcome, string? SecurityStamp = null, DateTimeOffset? LockedUntil = null)
{
    public bool Succeeded => Outcome == SignInOutcome.Succeeded;
}
