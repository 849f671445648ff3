using DiscordAnalytics.Core.Storage;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Leadership;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Web.Auth;

/// <summary>
/// The admin password: hashed with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>, the hash kept
/// in the <c>adminCredentials</c> table (<see cref="AuthDbContext"/>) and mirrored in memory (so a configured password still signs in when
/// the store file is damaged), checked behind the <see cref="LoginThrottle"/> (per client address, and a global
/// ceiling on hashes per second).
/// </summary>
public sealed class AdminCredentials(
    IDbContextFactory<AuthDbContext> contexts,
    IOptions<AuthOptions> options,
    LoginThrottle throttle,
    IPasswordHasher<AdminCredential> hasher,
    TimeProvider time,
    ILogger<AdminCredentials> logger,
    InstanceLeadership leadership)
{
    public const int MinimumPasswordLength = 12;
    public const int MaximumPasswordLength = 256;

    /// <summary>No look-alike characters (0/O, 1/l/I): the generated password is read off a console and typed.</summary>
    private const string GeneratedAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /// <summary>24 characters of a 57-letter alphabet: about 140 bits.</summary>
    private const int GeneratedLength = 24;

    private readonly SemaphoreSlim _writes = new(1, 1);
    private volatile AdminCredential? _current;

    /// <summary>When the credential was last read from a store shared with other instances (a TimeProvider timestamp).</summary>
    private long _readAt;

    /// <summary>The stamp sign-in cookies must carry; null until a credential is loaded.</summary>
    public string? CurrentStamp => _current?.SecurityStamp;

    /// <summary>
    /// The stamp sign-in cookies must carry, as the store has it. Alone on its store (SQLite), this instance makes every
    /// change itself and memory is the truth. On a store shared with other instances (PostgreSQL), another one may sign
    /// out or change the password: the credential is read again once the last read is older than
    /// <c>Auth:SessionCheckInterval</c>, so a sign-out anywhere ends the sessions everywhere within that time.
    /// </summary>
    public async ValueTask<string?> GetCurrentStampAsync(CancellationToken cancellationToken)
    {
        if (!leadership.IsContested || time.GetElapsedTime(Interlocked.Read(ref _readAt)) < options.Value.SessionCheckInterval)
        {
            return CurrentStamp;
        }

        Interlocked.Exchange(ref _readAt, time.GetTimestamp());
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (await db.AdminCredentials.AsNoTracking().SingleOrDefaultAsync(cancellationToken) is { } stored)
            {
                _current = stored;
            }
        }
        catch (Exception ex) when (StoreFailure.IsFromStore(ex))
        {
            // The store is down: the credential in memory holds until it answers again.
            logger.LogWarning(ex, "The admin credential could not be read again from the shared store");
        }

        return CurrentStamp;
    }

    /// <summary>True when Auth:AdminPassword decides the password (the change page is then off).</summary>
    public bool IsConfigured => options.Value.HasConfiguredPassword;

    /// <summary>
    /// Loads or creates the credential at start. Returns the generated password when this start created one
    /// (to be shown once), otherwise null.
    /// </summary>
    public async Task<string?> InitializeAsync(CancellationToken cancellationToken)
    {
        var configured = options.Value.AdminPassword;
        AdminCredential? stored = null;
        var storeUsable = true;
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            // The store's own migrations ran first (StoreInitializer starts before this); sign-in's follow here,
            // so a store made before AuthDbContext keeps its credential (its first migration adopts the table).
            await PostgresSchemaLock.MigrateAsync(db.Database, before: null, after: null, cancellationToken);
            stored = await db.AdminCredentials.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        }
        catch (Exception ex) when (StoreFailure.IsFromStore(ex))
        {
            storeUsable = false;
            logger.LogError(ex, "The admin credential cannot be read from the store");
        }

        if (!string.IsNullOrEmpty(configured))
        {
            if (stored is not null && hasher.VerifyHashedPassword(stored, stored.PasswordHash, configured) != PasswordVerificationResult.Failed)
            {
                _current = stored;
                return null;
            }

            var fromConfig = NewCredential(configured, "configured");
            _current = fromConfig;
            if (storeUsable)
            {
                await TrySaveAsync(fromConfig, cancellationToken);
            }

            logger.LogInformation("Admin password taken from configuration (Auth:AdminPassword)");
            return null;
        }

        if (stored is not null)
        {
            _current = stored;
            return null;
        }

        if (!storeUsable)
        {
            logger.LogError("Sign-in is unavailable: the store cannot be read and Auth:AdminPassword is not set");
            return null;
        }

        var password = RandomNumberGenerator.GetString(GeneratedAlphabet, GeneratedLength);
        var generated = NewCredential(password, "generated");
        await SaveAsync(generated, cancellationToken);
        _current = generated;
        logger.LogInformation("First start: an admin password was generated and printed to the console (only its hash is stored)");
        return password;
    }

    /// <summary>
    /// Checks <paramref name="password"/> for the client <paramref name="client"/> (<see cref="SignInClient"/>). The
    /// attempt is reserved with the throttle before the hash is computed; a locked-out client, or one past the
    /// global ceiling, is refused without any hash.
    /// </summary>
    public async Task<SignInResult> VerifyAsync(string password, string client, CancellationToken cancellationToken)
    {
        if (_current is not { } current)
        {
            return new SignInResult(SignInOutcome.Unavailable);
        }

        var grant = throttle.TryReserve(client);
        if (!grant.Granted)
        {
            return new SignInResult(grant.Refusal, RetryAfter: grant.RetryAfter);
        }

        var verdict = PasswordVerificationResult.Failed;
        TimeSpan? lockedFor;
        try
        {
            if (password.Length is > 0 and <= MaximumPasswordLength)
            {
                verdict = hasher.VerifyHashedPassword(current, current.PasswordHash, password);
            }
        }
        finally
        {
            // Always settled, also when hashing throws: a reserved attempt must never stay pending.
            lockedFor = throttle.Complete(grant, succeeded: verdict != PasswordVerificationResult.Failed);
        }

        if (verdict == PasswordVerificationResult.Failed)
        {
            logger.LogWarning("Admin sign-in failed (wrong password) from client {Client}", client);
            return lockedFor is { } wait
                ? new SignInResult(SignInOutcome.LockedOut, RetryAfter: wait)
                : new SignInResult(SignInOutcome.WrongPassword);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            // A hash from an older PasswordHasher format: upgrade it, keeping the stamp (sessions stay valid).
            var upgraded = NewCredential(password, current.Source);
            upgraded.SecurityStamp = current.SecurityStamp;
            await TrySaveAsync(upgraded, cancellationToken);
        }

        return new SignInResult(SignInOutcome.Succeeded, SecurityStamp: current.SecurityStamp);
    }

    /// <summary>
    /// Replaces the password after checking the current one (a wrong current password counts as a failed
    /// sign-in). A new security stamp signs every other session out.
    /// </summary>
    public async Task<PasswordChangeResult> ChangeAsync(string currentPassword, string newPassword, string client, CancellationToken cancellationToken)
    {
        if (IsConfigured)
        {
            return new PasswordChangeResult(false, "The password is set by the Auth:AdminPassword setting; change it there.");
        }

        if (newPassword.Length < MinimumPasswordLength)
        {
            return new PasswordChangeResult(false, $"The new password needs at least {MinimumPasswordLength} characters.");
        }

        if (newPassword.Length > MaximumPasswordLength)
        {
            return new PasswordChangeResult(false, $"The new password may have at most {MaximumPasswordLength} characters.");
        }

        var check = await VerifyAsync(currentPassword, client, cancellationToken);
        switch (check.Outcome)
        {
            case SignInOutcome.LockedOut:
                return new PasswordChangeResult(false, "Too many wrong passwords; try again in a minute.");
            case SignInOutcome.Busy:
                return new PasswordChangeResult(false, "Too many sign-in attempts right now; try again in a few seconds.");
            case SignInOutcome.WrongPassword:
                return new PasswordChangeResult(false, "The current password is wrong.");
            case SignInOutcome.Unavailable:
                return new PasswordChangeResult(false, "The store cannot be written; see /healthz.");
        }

        if (newPassword == currentPassword)
        {
            return new PasswordChangeResult(false, "The new password is the current one.");
        }

        var changed = NewCredential(newPassword, "changed");
        try
        {
            await SaveAsync(changed, cancellationToken);
        }
        catch (Exception ex) when (StoreFailure.IsFromStore(ex))
        {
            logger.LogError(ex, "The new admin password could not be stored");
            return new PasswordChangeResult(false, "The store cannot be written; see /healthz.");
        }

        _current = changed;
        logger.LogInformation("Admin password changed; other sessions are signed out");
        return new PasswordChangeResult(true, SecurityStamp: changed.SecurityStamp);
    }

    /// <summary>
    /// Signs every session out (sign-out does this): a new security stamp, so every cookie issued so far is
    /// refused and open dashboards lose access at their next check (<see cref="AdminSessionRevalidator"/>).
    /// The password stays. When the store cannot be written the new stamp holds for this run only.
    /// </summary>
    public async Task EndAllSessionsAsync(CancellationToken cancellationToken)
    {
        if (_current is not { } current)
        {
            return;
        }

        var rotated = new AdminCredential
        {
            PasswordHash = current.PasswordHash,
            SecurityStamp = NewStamp(),
            Source = current.Source,
            UpdatedAt = current.UpdatedAt,
        };
        _current = rotated;
        try
        {
            await SaveAsync(rotated, cancellationToken);
        }
        catch (Exception ex) when (StoreFailure.IsFromStore(ex))
        {
            logger.LogWarning(ex, "The new security stamp could not be stored; old sessions are refused for this run only");
        }

        logger.LogInformation("Admin signed out; every session is ended");
    }

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    private AdminCredential NewCredential(string password, string source)
    {
        var credential = new AdminCredential
        {
            SecurityStamp = NewStamp(),
            Source = source,
            UpdatedAt = time.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        credential.PasswordHash = hasher.HashPassword(credential, password);
        return credential;
    }

    private async Task TrySaveAsync(AdminCredential credential, CancellationToken cancellationToken)
    {
        try
        {
            await SaveAsync(credential, cancellationToken);
            _current = credential;
        }
        catch (Exception ex) when (StoreFailure.IsFromStore(ex))
        {
            logger.LogWarning(ex, "The admin password hash could not be stored; it holds for this run only");
        }
    }

    private async Task SaveAsync(AdminCredential credential, CancellationToken cancellationToken)
    {
        await _writes.WaitAsync(cancellationToken);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var row = await db.AdminCredentials.SingleOrDefaultAsync(cancellationToken);
            if (row is null)
            {
                db.AdminCredentials.Add(credential);
            }
            else
            {
                row.PasswordHash = credential.PasswordHash;
                row.SecurityStamp = credential.SecurityStamp;
                row.Source = credential.Source;
                row.UpdatedAt = credential.UpdatedAt;
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            _writes.Release();
        }
    }
}
