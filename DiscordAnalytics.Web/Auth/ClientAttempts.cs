namespace DiscordAnalytics.Web.Auth;

/// <summary>One client address's sign-in record in <see cref="LoginThrottle"/> (guarded by its lock).</summary>
internal sealed class ClientAttempts
{
    /// <summary>Wrong passwords since the last lockout or success.</summary>
    public int Failures { get; set; }

    /// <summary>Attempts reserved whose password is being checked right now.</summary>
    public int Pending { get; set; }

    /// <summary>Lockouts without a success in between: each one lasts twice as long as the one before.</summary>
    public int Lockouts { get; set; }

    public DateTimeOffset LockedUntil { get; set; } = DateTimeOffset.MinValue;

    public DateTimeOffset LastSeen { get; set; }
}
