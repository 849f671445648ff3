namespace DiscordAnalytics.Web.Auth;

/// <summary>The <c>Auth</c> configuration section. The password and key are secrets: environment variables or user-secrets, never a committed file.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// The admin password. Empty (default): the first start generates one, stores only its hash and prints it
    /// once to the console. Set: it is the password (its hash replaces the stored one at start), and the
    /// change-password page is switched off, since the next start would undo a change.
    /// </summary>
    public string AdminPassword { get; set; } = string.Empty;

    /// <summary>Empty (default): bearer authentication is off. Set: <c>Authorization: Bearer &lt;key&gt;</c> authenticates <c>/api</c> (never pages).</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>
    /// How often an open dashboard (a Blazor circuit) checks that its session is still valid; after a sign-out
    /// or password change it loses access within this time. Default 30 seconds.
    /// </summary>
    public TimeSpan SessionCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    public bool HasConfiguredPassword => !string.IsNullOrEmpty(AdminPassword);
}
