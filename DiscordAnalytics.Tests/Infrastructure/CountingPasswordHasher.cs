using DiscordAnalytics.Web.Auth;
using Microsoft.AspNetCore.Identity;

namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>
/// The real <see cref="PasswordHasher{TUser}"/>, counting the password checks the app makes. After
/// <see cref="Hold"/>, every check waits inside the hash until <see cref="Release"/>, so a test can see how
/// many checks a burst of parallel requests got into at once.
/// </summary>
public sealed class CountingPasswordHasher : IPasswordHasher<AdminCredential>
{
    private readonly PasswordHasher<AdminCredential> _inner = new();
    private volatile TaskCompletionSource? _gate;
    private int _verifications;

    /// <summary>Password checks started so far (sign-in attempts that computed a hash).</summary>
    public int Verifications => Volatile.Read(ref _verifications);

    public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _gate?.TrySetResult();

    public string HashPassword(AdminCredential user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(AdminCredential user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        if (_gate is { } gate && !gate.Task.Wait(Eventually.DefaultTimeout))
        {
            throw new TimeoutException("The held password check was never released.");
        }

        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
