using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;

namespace DiscordAnalytics.Tests.Infrastructure.DiscordEmulator;

/// <summary>Fault modes: a Discord that does not answer, answers nonsense, or closes at once (what the host must survive).</summary>
public sealed partial class DiscordEmulator
{
    /// <summary>A trillion seconds: far beyond any wait a client should accept, and beyond what a TimeSpan holds in ticks per second.</summary>
    public const double AbsurdRetryAfterSeconds = 1e12;

    /// <summary>How every REST request is answered. Default <see cref="RestFault.None"/>.</summary>
    public RestFault RestFault { get; set; }

    /// <summary>READY's <c>session_id</c> when set (to test absurd values); otherwise the emulator's own <see cref="SessionId"/>.</summary>
    public string? ReadySessionIdOverride { get; set; }

    /// <summary>How every gateway connection is treated. Default <see cref="GatewayFault.None"/>.</summary>
    public GatewayFault GatewayFault { get; set; }

    /// <summary>Answers <paramref name="context"/> as <see cref="RestFault"/> says; null when the emulator answers normally.</summary>
    private async Task<int?> AnswerFaultAsync(HttpContext context)
    {
        var response = context.Response;
        switch (RestFault)
        {
            case RestFault.NeverAnswer:
                try
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                }

                return 0;

            case RestFault.ServerError:
                return await WriteAsync(response, 500, """{"message":"500: Internal Server Error","code":0}""");

            case RestFault.Garbage:
                response.StatusCode = 200;
                response.ContentType = "text/html";
                await response.WriteAsync("<html><body><h1>Welcome to the hotel Wi-Fi</h1></body></html>");
                return 200;

            case RestFault.AbsurdRetryAfter:
                response.Headers["Retry-After"] = "1000000000000";
                response.Headers["X-RateLimit-Global"] = "true";
                response.Headers["X-RateLimit-Scope"] = "global";
                return await WriteAsync(response, 429, """{"message":"You are being rate limited.","retry_after":1e12,"global":true}""");

            default:
                return null;
        }
    }

    /// <summary>Handles a new gateway connection as <see cref="GatewayFault"/> says; false when the emulator speaks normally.</summary>
    private async Task<bool> HandleGatewayFaultAsync(WebSocket socket, CancellationToken aborted)
    {
        switch (GatewayFault)
        {
            case GatewayFault.CloseAtOnce:
                try
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "closing at once", aborted);
                }
                catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
                {
                }

                return true;

            case GatewayFault.Silent:
                var buffer = new byte[4096];
                try
                {
                    // Read (and drop) whatever the client sends until it closes or goes.
                    while (socket.State == WebSocketState.Open)
                    {
                        var result = await socket.ReceiveAsync(buffer, aborted);
                        if (result.MessageType == WebSocketMessageType.Close)
                        {
                            break;
                        }
                    }
                }
                catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
                {
                }

                return true;

            default:
                return false;
        }
    }
}
