using System.Net.WebSockets;
using System.Text;

namespace DiscordAnalytics.Tests.Infrastructure.DiscordEmulator;

/// <summary>One client socket on the emulator's gateway endpoint.</summary>
public sealed class EmulatorConnection
{
    private readonly SemaphoreSlim _sendGate = new(1, 1);

    public EmulatorConnection(int number, WebSocket socket, string query, DateTimeOffset openedAt)
    {
        Number = number;
        Socket = socket;
        Query = query;
        OpenedAt = openedAt;
    }

    public int Number { get; }

    /// <summary>The close code the client sent, when it closed with a close frame.</summary>
    public int? ClientCloseStatus { get; set; }

    public WebSocket Socket { get; }

    /// <summary>The query string the client connected with, e.g. <c>?v=10&amp;encoding=json</c>.</summary>
    public string Query { get; }

    public DateTimeOffset OpenedAt { get; }

    public DateTimeOffset? HelloSentAt { get; set; }

    /// <summary>Sends <paramref name="text"/> split over <paramref name="parts"/> WebSocket frames (1 = one frame).</summary>
    public async Task SendAsync(string text, int parts = 1)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        parts = Math.Clamp(parts, 1, Math.Max(1, bytes.Length));
        var size = (int)Math.Ceiling(bytes.Length / (double)parts);
        await _sendGate.WaitAsync();
        try
        {
            if (Socket.State != WebSocketState.Open)
            {
                return;
            }

            for (var offset = 0; offset < bytes.Length || offset == 0; offset += size)
            {
                var count = Math.Min(size, bytes.Length - offset);
                var last = offset + count >= bytes.Length;
                await Socket.SendAsync(new ArraySegment<byte>(bytes, offset, count), WebSocketMessageType.Text, last, CancellationToken.None);
                if (last)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away; the test observes that elsewhere.
        }
        finally
        {
            _sendGate.Release();
        }
    }

    public async Task CloseAsync(int code, string reason)
    {
        await _sendGate.WaitAsync();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await Socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
        finally
        {
            _sendGate.Release();
        }
    }

    public void Abort() => Socket.Abort();
}
