namespace DiscordAnalytics.Web.Auth;

/// <summary>The outcome of a password change: success with the new security stamp, or the reason it was refused.</summary>
public sealed record PasswordChangeResult(bool Succeeded, string? Error = null, string? SecurityStamp = null);
