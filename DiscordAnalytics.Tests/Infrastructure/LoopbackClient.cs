using System.Net;
using System.Net.Sockets;

namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>
/// HTTP clients for an app started on Kestrel (<see cref="AnalyticsAppFactory.StartOnLoopback"/>) whose
/// connections leave from a chosen loopback address (127.0.0.2, 127.0.0.3, ...: all of 127.0.0.0/8 is this
/// machine), so the app sees distinct real client addresses. No cookie jar and no redirects: use
/// <see cref="CookieLogin"/>.
/// </summary>
public static class LoopbackClient
{
    public static HttpClient From(string baseUrl, string sourceAddress)
    {
        var source = IPAddress.Parse(sourceAddress);
        var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(source.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    var host = context.DnsEndPoint.Host == "localhost" ? IPAddress.Loopback : IPAddress.Parse(context.DnsEndPoint.Host);
                    await socket.ConnectAsync(new IPEndPoint(host, context.DnsEndPoint.Port), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri(baseUrl) };
    }
}
