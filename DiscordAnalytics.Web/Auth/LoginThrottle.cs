using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Web.Auth;

/// <summary>
/// Throttles password checks so that guessing cannot be turned against the admin:
/// <list type="bullet">
/// <item>Per client address (<see cref="SignInClient"/>): <see cref="MaxFailures"/> wrong passwords lock that
/// address for <see cref="BaseLockout"/>, each further lockout without a success doubling it (up to
/// <see cref="MaxLockout"/>). Other addresses are not affected, so a flood from one address never locks the
/// admin out at theirs.</item>
/// <item>Globally: at most <see cref="AuthOptions.PasswordChecksPerSecond"/> hashes per second (a token bucket
/// holding one second's worth), so a flood from many addresses costs a bounded share of the CPU; past it an
/// attempt is refused as busy for a moment, never locked.</item>
/// </list>
/// An attempt is reserved (<see cref="TryReserve"/>) before its hash is computed and settled after
/// (<see cref="Complete"/>); reserved attempts count against the address's limit, so parallel guesses cannot
/// race past it. The table is in memory and bounded by <see cref="MaxTrackedClients"/> (quiet entries go
/// first, then the least recently seen); a restart starts it empty, which the ceiling makes harmless.
/// </summary>
public sealed class LoginThrottle(IOptions<AuthOptions> options, TimeProvider time, ILogger<LoginThrottle> logger)
{
    public const int MaxFailures = 5;
    public const int MaxTrackedClients = 10_000;
    public static readonly TimeSpan BaseLockout = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxLockout = TimeSpan.FromHours(1);

    /// <summary>What an address with <see cref="MaxFailures"/> attempts still being checked is told to wait.</summary>
    private static readonly TimeSpan InFlightWait = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, ClientAttempts> _clients = new(StringComparer.Ordinal);
    private double _tokens = double.NaN;
    private DateTimeOffset _refilledAt;

    /// <summary>How many client addresses are remembered right now (at most <see cref="MaxTrackedClients"/>).</summary>
    public int TrackedClients
    {
        get
        {
            lock (_gate)
            {
                return _clients.Count;
            }
        }
    }

    /// <summary>
    /// Reserves one password check for <paramref name="client"/>, or refuses it: <see cref="SignInOutcome.LockedOut"/>
    /// while the address is locked (or has <see cref="MaxFailures"/> checks counted and running), and
    /// <see cref="SignInOutcome.Busy"/> past the global ceiling. A refusal costs no hash and no global budget.
    /// </summary>
    public PasswordCheckGrant TryReserve(string client)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            _clients.TryGetValue(client, out var attempts);
            if (attempts is not null)
            {
                if (now < attempts.LockedUntil)
                {
                    return PasswordCheckGrant.Refused(client, SignInOutcome.LockedOut, attempts.LockedUntil - now);
                }

                if (attempts.Failures + attempts.Pending >= MaxFailures)
                {
                    return PasswordCheckGrant.Refused(client, SignInOutcome.LockedOut, InFlightWait);
                }
            }

            if (!TryTakeToken(now, out var wait))
            {
                return PasswordCheckGrant.Refused(client, SignInOutcome.Busy, wait);
            }

            attempts ??= Track(client, now);
            attempts.Pending++;
            attempts.LastSeen = now;
            return PasswordCheckGrant.Reserved(client);
        }
    }

    /// <summary>
    /// Settles a reserved attempt: a success clears the address's record, a failure counts towards its lockout.
    /// Returns how long the address is now locked out (null when it is not), decided with the settling itself,
    /// so of parallel failures exactly the ones settled while it is locked say so.
    /// </summary>
    public TimeSpan? Complete(PasswordCheckGrant grant, bool succeeded)
    {
        if (!grant.Granted)
        {
            return null;
        }

        lock (_gate)
        {
            // Entries with pending attempts are never evicted, so the reserved one is still there.
            var attempts = _clients[grant.Client];
            var now = time.GetUtcNow();
            attempts.Pending--;
            attempts.LastSeen = now;
            if (succeeded)
            {
                attempts.Failures = 0;
                attempts.Lockouts = 0;
                attempts.LockedUntil = DateTimeOffset.MinValue;
                if (attempts.Pending == 0)
                {
                    _clients.Remove(grant.Client);
                }

                return null;
            }

            attempts.Failures++;
            if (attempts.Failures >= MaxFailures)
            {
                var lockout = BaseLockout * Math.Pow(2, Math.Min(attempts.Lockouts, 10));
                attempts.LockedUntil = now + (lockout < MaxLockout ? lockout : MaxLockout);
                attempts.Lockouts++;
                attempts.Failures = 0;
                logger.LogWarning("Sign-in locked for client {Client} until {LockedUntil} after {Failures} wrong passwords", grant.Client, attempts.LockedUntil, MaxFailures);
            }

            return now < attempts.LockedUntil ? attempts.LockedUntil - now : null;
        }
    }

    /// <summary>Token bucket: refills at the configured rate, holds at most one second's worth.</summary>
    private bool TryTakeToken(DateTimeOffset now, out TimeSpan wait)
    {
        double rate = options.Value.PasswordChecksPerSecond;
        if (double.IsNaN(_tokens))
        {
            _tokens = rate;
        }
        else if (now > _refilledAt)
        {
            _tokens = Math.Min(rate, _tokens + ((now - _refilledAt).TotalSeconds * rate));
        }

        _refilledAt = now;
        if (_tokens >= 1)
        {
            _tokens--;
            wait = TimeSpan.Zero;
            return true;
        }

        wait = TimeSpan.FromSeconds((1 - _tokens) / rate);
        return false;
    }

    /// <summary>Adds an entry, first making room when the table is full (called under the lock).</summary>
    private ClientAttempts Track(string client, DateTimeOffset now)
    {
        if (_clients.Count >= MaxTrackedClients)
        {
            MakeRoom(now);
        }

        var attempts = new ClientAttempts { LastSeen = now };
        _clients[client] = attempts;
        return attempts;
    }

    /// <summary>
    /// Forgets entries that no longer hold anything back (not locked, nothing running, quiet for longer than the
    /// longest lockout); when none is, the least recently seen entry without running checks. Runs only when a
    /// new address arrives at a full table, which the global ceiling limits, so a linear pass is cheap.
    /// </summary>
    private void MakeRoom(DateTimeOffset now)
    {
        var quiet = _clients
            .Where(e => e.Value.Pending == 0 && e.Value.LockedUntil <= now && now - e.Value.LastSeen > MaxLockout)
            .Select(e => e.Key)
            .ToList();
        foreach (var key in quiet)
        {
            _clients.Remove(key);
        }

        if (_clients.Count < MaxTrackedClients)
        {
            return;
        }

        string? oldest = null;
        var oldestSeen = DateTimeOffset.MaxValue;
        foreach (var (key, attempts) in _clients)
        {
            if (attempts.Pending == 0 && attempts.LastSeen < oldestSeen)
            {
                oldest = key;
                oldestSeen = attempts.LastSeen;
            }
        }

        if (oldest is not null)
        {
            _clients.Remove(oldest);
        }
    }
}
