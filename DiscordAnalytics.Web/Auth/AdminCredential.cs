namespace DiscordAnalytics.Web.Auth;

/// <summary>
/// The admin's sign-in secret: only a password hash (ASP.NET Core Identity's PasswordHasher format), never
/// the password. Table <c>adminCredentials</c>, owned by <see cref="AuthDbContext"/>. One row (<see cref="SingletonId"/>): the dashboard has one admin account.
/// </summary>
public sealed class AdminCredential
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>The hash as PasswordHasher writes it (salted PBKDF2, self-describing version byte).</summary>
    public string PasswordHash { get; set; } = string.Empty;

    /// <summary>Changes with every password change; sign-in cookies carry it, so a change signs out other sessions.</summary>
    public string SecurityStamp { get; set; } = string.Empty;

    /// <summary><c>generated</c> (first start), <c>configured</c> (Auth:AdminPassword) or <c>changed</c> (the change page).</summary>
    public string Source { get; set; } = string.Empty;

    /// <summary>When the hash was last written (epoch ms).</summary>
    public long UpdatedAt { get; set; }

    // The three columns below held one account-wide sign-in lockout, which let anyone lock the admin out.
    // Sign-in is now throttled per client address, in memory (LoginThrottle); they are no longer read or
    // written. They stay mapped so the table keeps one shape in stores made before and after AuthDbContext.

    /// <summary>Unused (was: wrong passwords since the last success or lockout, account-wide).</summary>
    public int FailedSignIns { get; set; }

    /// <summary>Unused (was: account-wide lockouts since the last success).</summary>
    public int Lockouts { get; set; }

    /// <summary>Unused (was: the end of the account-wide lockout, epoch ms).</summary>
    public long LockedUntil { get; set; }
}
