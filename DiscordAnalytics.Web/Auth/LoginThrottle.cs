namespace DiscordAnalytics.Web.Auth;

/// <summary>
/// Lockout after repeated wrong passwords: <see cref="MaxFailures"/> failures in a row lock sign-in for
/// <see cref="BaseLockout"/>, and each further lockout without a success in between doubles it (up to
/// <see cref="MaxLockout"/>). While locked, no password is even checked. The account is the single admin,
/// so the lockout is account-wide; it lives in memory (a restart clears it, which only the owner can do).
/// </summary>
public sealed class LoginThrottle(TimeProvider time)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan BaseLockout = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxLockout = TimeSpan.FromHours(1);

    private readonly Lock _gate = new();
    private int _failures;
    private int _lockouts;
    private DateTimeOffset _lockedUntil = DateTimeOffset.MinValue;

    /// <summary>The end of the current lockout, or null when sign-in is open.</summary>
    public DateTimeOffset? LockedUntil()
    {
        lock (_gate)
        {
            return time.GetUtcNow() < _lockedUntil ? _lockedUntil : null;
        }
    }

    public void RecordFailure()
    {
        lock (_gate)
        {
            _failures++;
            if (_failures < MaxFailures)
            {
                return;
            }

            var lockout = BaseLockout * Math.Pow(2, Math.Min(_lockouts, 10));
            _lockedUntil = time.GetUtcNow() + (lockout < MaxLockout ? lockout : MaxLockout);
            _lockouts++;
            _failures = 0;
        }
    }

    public void RecordSuccess()
    {
        lock (_gate)
        {
            _failures = 0;
            _lockouts = 0;
            _lockedUntil = DateTimeOffset.MinValue;
        }
    }
}
