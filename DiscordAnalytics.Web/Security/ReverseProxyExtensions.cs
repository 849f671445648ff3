using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Web.Security;

public static class ReverseProxyExtensions
{
    /// <summary>Binds <see cref="ReverseProxyOptions"/> and derives ASP.NET Core's forwarded-headers settings from it.</summary>
    public static IServiceCollection AddReverseProxyHeaders(this IServiceCollection services)
    {
        services.AddOptions<ReverseProxyOptions>().BindConfiguration(ReverseProxyOptions.Section)
            .Validate(o => o.HasValidProxies, "ReverseProxy:KnownProxies entries must be IP addresses or CIDR networks (e.g. 10.0.0.5, 172.18.0.0/16).")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxyOptions>>((forwarded, proxy) =>
        {
            // The scheme (Secure cookie, HSTS) and the client address. Not the host: proxies pass the original
            // Host header through, and a forwarded host would let a misconfigured proxy's clients choose it.
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedFor;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            var entries = proxy.Value.KnownProxies.Count > 0 ? proxy.Value.KnownProxies : ["127.0.0.0/8", "::1"];
            foreach (var entry in entries)
            {
                if (IPAddress.TryParse(entry, out var address))
                {
                    forwarded.KnownProxies.Add(address);
                }
                else
                {
                    forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
                }
            }
        });
        return services;
    }

    /// <summary>
    /// First in the pipeline when <c>ReverseProxy:TrustForwardedHeaders</c> is on: a request from a known proxy
    /// takes the forwarded scheme and client address before anything (HSTS, cookies, redirects) looks at them.
    /// </summary>
    public static WebApplication UseReverseProxyHeaders(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ReverseProxyOptions>>().Value.TrustForwardedHeaders)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
