using System.Net;
using System.Net.Sockets;

namespace DiscordAnalytics.Web.Auth;

/// <summary>
/// Who a sign-in attempt is throttled as: the client's address as the request arrived, which is the forwarded
/// one only when <c>ReverseProxy:TrustForwardedHeaders</c> is on and the request came from a known proxy
/// (<see cref="Security.ReverseProxyExtensions.UseReverseProxyHeaders"/> runs first and rewrites it).
/// </summary>
public static class SignInClient
{
    /// <summary>
    /// The throttle key of <paramref name="context"/>'s client: an IPv4 address (also when it arrives IPv4-mapped),
    /// or the /64 network of an IPv6 address, since one IPv6 host usually holds a whole /64 and could otherwise
    /// change address for every guess. No address (an in-memory test host): one shared key.
    /// </summary>
    public static string ThrottleKey(HttpContext context) => ThrottleKey(context.Connection.RemoteIpAddress);

    public static string ThrottleKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
