namespace DiscordAnalytics.Web.Auth;

/// <summary>The <c>Auth</c> configuration section. The password and key are secrets: environment variables or user-secrets, never a committed file.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The shortest API key accepted: 32 characters (e.g. <c>openssl rand -base64 32</c> gives 44).</summary>
    public const int MinimumApiKeyLength = 32;

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

    /// <summary>
    /// The most password checks (hashes) per second, all clients together: a ceiling that keeps a sign-in flood
    /// from many addresses from taking the CPU. Past it an attempt is refused as busy for a moment (429 with
    /// Retry-After), nothing is locked. Default 10, allowed 1 to 1000.
    /// </summary>
    public int PasswordChecksPerSecond { get; set; } = 10;

    public bool HasConfiguredPassword => !string.IsNullOrEmpty(AdminPassword);

    /// <summary>Empty (generated at first start) or at least <see cref="AdminCredentials.MinimumPasswordLength"/> characters.</summary>
    public bool HasAcceptablePassword => AdminPassword.Length is 0 or >= AdminCredentials.MinimumPasswordLength;

    /// <summary>Empty (bearer off) or at least <see cref="MinimumApiKeyLength"/> characters: a short key can be guessed, and it is checked without any throttle.</summary>
    public bool HasAcceptableApiKey => ApiKey.Length is 0 or >= MinimumApiKeyLength;
}
