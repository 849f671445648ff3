using System.Net;

namespace DiscordAnalytics.Web.Security;

/// <summary>
/// The <c>ReverseProxy</c> configuration section: whether to believe <c>X-Forwarded-Proto</c>/<c>X-Forwarded-For</c>
/// from a TLS-terminating proxy (Caddy, nginx, Traefik) in front of the app. Off by default: a header any
/// client can send must not decide whether a request counts as HTTPS.
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";

    /// <summary>
    /// True: requests from <see cref="KnownProxies"/> are taken as their forwarded scheme and client address,
    /// so behind an HTTPS proxy the sign-in cookie is Secure and HSTS is sent.
    /// </summary>
    public bool TrustForwardedHeaders { get; set; }

    /// <summary>
    /// The proxies whose headers count: addresses (<c>10.0.0.5</c>, <c>::1</c>) or networks in CIDR notation
    /// (<c>172.18.0.0/16</c>, a Docker network). Empty: loopback only (a proxy on the same machine).
    /// </summary>
    public IList<string> KnownProxies { get; set; } = [];

    /// <summary>Every entry parses as an address or a CIDR network (checked at start).</summary>
    public bool HasValidProxies => KnownProxies.All(p => IPAddress.TryParse(p, out _) || IPNetwork.TryParse(p, out _));
}
