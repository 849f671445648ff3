using System.Net;
using System.Net.Sockets;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Tests.Infrastructure.DiscordEmulator;

namespace DiscordAnalytics.Tests.Discord;

/// <summary>A gateway that closes at once or never finishes the handshake: the session keeps retrying and says why.</summary>
public sealed class GatewayMisbehaviourTests
{
    [Fact]
    public async Task RunAsync_GatewayClosesBeforeHello_KeepsRetryingAndSaysClosedAtOnceWithTheNextAttempt()
    {
        await using var harness = await GatewayHarness.StartAsync(e => e.GatewayFault = GatewayFault.CloseAtOnce);

        await harness.Emulator.WaitForAsync(e => e.ConnectionCount >= 3, "three connection attempts");

        Assert.False(harness.Run.IsCompleted, "the session stopped");
        await Eventually.TrueAsync(() => harness.Status.Reason?.Contains("retrying in", StringComparison.Ordinal) == true, "the status names the next attempt");
        Assert.Equal(SourceState.Resuming, harness.Status.State);
        Assert.StartsWith("Gateway closed at once, before HELLO (close code 1000); retrying in ", harness.Status.Reason, StringComparison.Ordinal);
        Assert.Equal(0, harness.Emulator.IdentifyCount);
    }

    [Fact]
    public async Task RunAsync_HostAcceptsTcpButNeverUpgrades_ConnectTimesOutAndRetries()
    {
        // Takes the TCP connection and never answers the WebSocket upgrade: without a connect timeout the session
        // waited for ever in "Starting".
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accepted = new List<TcpClient>();
        using var stop = new CancellationTokenSource();
        var accepting = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    accepted.Add(await listener.AcceptTcpClientAsync(stop.Token));
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        await using var harness = await GatewayHarness.StartAsync(
            e => e.GatewayBotAvailable = false,
            o => o.GatewayUrl = $"ws://127.0.0.1:{port}/gateway",
            s => s.ConnectTimeout = TimeSpan.FromMilliseconds(200));

        await Eventually.TrueAsync(() => harness.Logs.Lines.Count(l => l.Contains("Gateway connect failed", StringComparison.Ordinal)) >= 2, "two connects timed out");

        Assert.Equal(SourceState.Resuming, harness.Status.State);
        Assert.StartsWith("Could not connect to the Discord gateway; retrying in ", harness.Status.Reason, StringComparison.Ordinal);
        await stop.CancelAsync();
        await accepting;
        Assert.True(accepted.Count >= 2, $"{accepted.Count} connections reached the listener");
        accepted.ForEach(c => c.Dispose());
    }
}
