using System.Net;
using DiscordAnalytics.Web.Auth;

namespace DiscordAnalytics.Tests.Web.Auth;

/// <summary>Which key a client address is throttled under: IPv4 alone, IPv6 by its /64 network.</summary>
public sealed class SignInClientTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:3::1", "2001:db8:1:3::/64")]
    [InlineData("::1", "::/64")]
    public void ThrottleKey_Address_IsThrottledUnderItsKey(string address, string key)
    {
        Assert.Equal(key, SignInClient.ThrottleKey(IPAddress.Parse(address)));
    }

    [Fact]
    public void ThrottleKey_NoAddress_IsOneSharedKey()
    {
        Assert.Equal("unknown", SignInClient.ThrottleKey((IPAddress?)null));
    }
}
