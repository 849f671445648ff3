using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Web.Auth;

/// <summary>
/// Lockout after repeated wrong passwords: <see cref="MaxFailures"/> failures in a row lock sign-in for
/// <see cref="BaseLockout"/>, and each further lockout without a success in between doubles it (up to
/// <see cref="MaxLockout"/>). While locked, no password is even checked. The account is the single admin,
/// so the lockout is account-wide. The count and the lockout are written to the <c>adminCredentials</c> row
/// after every change and restored at start (<see cref="Restore"/>), so crashing or restarting the process
/// gives an attacker no fresh attempts; memory stays the authority for this run, so a store that cannot be
/// written still throttles.
/// </summary>
public sealed class LoginThrottle(IDbContextFactory<AnalyticsDbContext> contexts, TimeProvider time, ILogger<LoginThrottle> logger)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan BaseLockout = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxLockout = TimeSpan.FromHours(1);

    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _writes = new(1, 1);
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

    /// <summary>Takes over the state a previous run stored (called once at start, before any sign-in).</summary>
    public void Restore(AdminCredential stored)
    {
        lock (_gate)
        {
            _failures = Math.Max(0, stored.FailedSignIns);
            _lockouts = Math.Max(0, stored.Lockouts);
            _lockedUntil = stored.LockedUntil > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(stored.LockedUntil) : DateTimeOffset.MinValue;
        }
    }

    public Task RecordFailureAsync()
    {
        lock (_gate)
        {
            _failures++;
            if (_failures >= MaxFailures)
            {
                var lockout = BaseLockout * Math.Pow(2, Math.Min(_lockouts, 10));
                _lockedUntil = time.GetUtcNow() + (lockout < MaxLockout ? lockout : MaxLockout);
                _lockouts++;
                _failures = 0;
            }
        }

        return PersistAsync();
    }

    public Task RecordSuccessAsync()
    {
        lock (_gate)
        {
            if (_failures == 0 && _lockouts == 0 && _lockedUntil == DateTimeOffset.MinValue)
            {
                // Nothing to reset: a normal sign-in costs no write.
                return Task.CompletedTask;
            }

            _failures = 0;
            _lockouts = 0;
            _lockedUntil = DateTimeOffset.MinValue;
        }

        return PersistAsync();
    }

    /// <summary>
    /// Writes the current state (read under the write lock, so concurrent attempts never store an older one
    /// last). The row is absent only while the store is unusable; then the lockout holds for this run only.
    /// Deliberately not cancellable: a client that aborts its request must not keep its attempt from counting.
    /// </summary>
    private async Task PersistAsync()
    {
        var cancellationToken = CancellationToken.None;
        await _writes.WaitAsync(cancellationToken);
        try
        {
            int failures, lockouts;
            long lockedUntil;
            lock (_gate)
            {
                failures = _failures;
                lockouts = _lockouts;
                lockedUntil = _lockedUntil == DateTimeOffset.MinValue ? 0 : _lockedUntil.ToUnixTimeMilliseconds();
            }

            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await db.AdminCredentials
                .Where(x => x.Id == AdminCredential.SingletonId)
                .ExecuteUpdateAsync(
                    set => set
                        .SetProperty(x => x.FailedSignIns, failures)
                        .SetProperty(x => x.Lockouts, lockouts)
                        .SetProperty(x => x.LockedUntil, lockedUntil),
                    cancellationToken);
        }
        catch (SqliteException ex)
        {
            logger.LogWarning(ex, "The sign-in lockout state could not be stored; it holds for this run only");
        }
        finally
        {
            _writes.Release();
        }
    }
}
