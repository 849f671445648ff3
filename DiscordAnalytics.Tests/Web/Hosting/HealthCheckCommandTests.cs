using System.Net;
using System.Net.Sockets;
using DiscordAnalytics.Web.Hosting;

namespace DiscordAnalytics.Tests.Web.Hosting;

/// <summary>The container's HEALTHCHECK: exit 0 only when a real /healthz answers 200.</summary>
public sealed class HealthCheckCommandTests
{
    [Theory]
    [InlineData(HttpStatusCode.OK, 0)]
    [InlineData(HttpStatusCode.ServiceUnavailable, 1)]
    public async Task Run_AnsweringServer_ExitsByItsStatus(HttpStatusCode status, int expected)
    {
        using var listener = new HttpListener();
        var port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var answer = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            context.Response.StatusCode = (int)status;
            context.Response.Close();
        });
        var output = new StringWriter();

        var exit = await HealthCheckCommand.RunAsync([$"http://127.0.0.1:{port}/healthz"], output, CancellationToken.None);

        await answer;
        Assert.Equal(expected, exit);
        Assert.StartsWith(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), output.ToString());
    }

    [Fact]
    public async Task Run_NothingListening_ExitsOne()
    {
        var output = new StringWriter();

        var exit = await HealthCheckCommand.RunAsync([$"http://127.0.0.1:{FreePort()}/healthz"], output, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.StartsWith("unreachable", output.ToString());
    }

    [Fact]
    public async Task Run_NotAnHttpUrl_IsRefusedNamingIt()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => HealthCheckCommand.RunAsync(["ftp://x/healthz"], TextWriter.Null, CancellationToken.None));

        Assert.Contains("'ftp://x/healthz' is not an http(s) URL", error.Message);
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
