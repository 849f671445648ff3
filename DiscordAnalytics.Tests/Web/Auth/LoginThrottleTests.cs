using DiscordAnalytics.Web.Auth;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Web.Auth;

/// <summary>The per-address table of <see cref="LoginThrottle"/> stays bounded: the least recently seen address goes first, addresses quiet for longer than any lockout all go.</summary>
public sealed class LoginThrottleTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TryReserve_MoreAddressesThanTheTableHolds_KeepsTheTableBounded()
    {
        var throttle = NewThrottle();

        for (var i = 0; i < LoginThrottle.MaxTrackedClients + 500; i++)
        {
            var grant = throttle.TryReserve("client-" + i);
            Assert.True(grant.Granted);
            throttle.Complete(grant, succeeded: false);
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(LoginThrottle.MaxTrackedClients, throttle.TrackedClients);
    }

    [Fact]
    public void TryReserve_FullTableOfAddressesQuietForLongerThanAnyLockout_ForgetsThem()
    {
        var throttle = NewThrottle();
        for (var i = 0; i < LoginThrottle.MaxTrackedClients; i++)
        {
            throttle.Complete(throttle.TryReserve("client-" + i), succeeded: false);
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }

        _time.Advance(LoginThrottle.MaxLockout + TimeSpan.FromMinutes(1));
        var arriving = throttle.TryReserve("newcomer");

        Assert.True(arriving.Granted);
        Assert.Equal(1, throttle.TrackedClients);
    }

    private LoginThrottle NewThrottle() => new(
        Options.Create(new AuthOptions { PasswordChecksPerSecond = 1000 }),
        _time,
        NullLogger<LoginThrottle>.Instance);
}
