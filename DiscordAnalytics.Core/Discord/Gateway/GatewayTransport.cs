using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace DiscordAnalytics.Core.Discord.Gateway;

/// <summary>
/// One gateway WebSocket connection: the read loop assembles multi-frame messages, decodes them into
/// <see cref="GatewayPayload"/>s and hands them on through <see cref="Frames"/> (bounded, so a slow
/// consumer stops the socket being read instead of buffering without end). Sends are size-checked and
/// rate limited. Knows nothing about sessions, heartbeats or resuming.
/// </summary>
public sealed partial class GatewayTransport : IAsyncDisposable
{
    /// <summary>Discord closes the connection (4002) for larger outbound frames.</summary>
    public const int MaxOutboundFrameBytes = 4096;

    /// <summary>Inbound messages beyond this are hostile or broken; the connection is dropped.</summary>
    public const int MaxInboundMessageBytes = 64 * 1024 * 1024;

    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly ClientWebSocket _socket = new();
    private readonly Channel<GatewayFrame> _frames;
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly GatewaySendLimiter _sendLimiter;
    private readonly CancellationTokenSource _lifetime = new();
    private Task _readLoop = Task.CompletedTask;

    public GatewayTransport(ILogger logger, TimeProvider timeProvider, int frameBufferCapacity = 256)
    {
        _logger = logger;
        _timeProvider = timeProvider;
        _sendLimiter = new GatewaySendLimiter(timeProvider);
        _frames = Channel.CreateBounded<GatewayFrame>(new BoundedChannelOptions(frameBufferCapacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Decoded frames in arrival order; completes after a <see cref="GatewayFrameKind.Closed"/> frame.</summary>
    public ChannelReader<GatewayFrame> Frames => _frames.Reader;

    public async Task ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        _socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(20);
        await _socket.ConnectAsync(uri, cancellationToken).ConfigureAwait(false);
        _readLoop = Task.Run(() => ReadLoopAsync(_lifetime.Token), CancellationToken.None);
    }

    /// <summary>Sends one UTF-8 JSON payload as a single text message, waiting for the outbound limit.</summary>
    public async ValueTask SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken)
    {
        if (utf8Json.Length > MaxOutboundFrameBytes)
        {
            throw new ArgumentException($"Gateway frames may not exceed {MaxOutboundFrameBytes} bytes (was {utf8Json.Length}).", nameof(utf8Json));
        }

        await _sendLimiter.WaitAsync(cancellationToken).ConfigureAwait(false);
        await _sendGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(utf8Json, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectDisposedException ex)
        {
            // Abort() (zombie close, failed close handshake) disposes the socket; to the session that is
            // a dropped connection like any other, to be resumed, not an error that ends the gateway.
            throw new WebSocketException(WebSocketError.InvalidState, "The gateway connection is already closed.", ex);
        }
        finally
        {
            _sendGate.Release();
        }
    }

    /// <summary>
    /// Closes with <paramref name="closeCode"/>. Any code other than 1000/1001 keeps the Discord session
    /// resumable. Never throws; a peer that does not answer is aborted.
    /// </summary>
    public async Task CloseAsync(int closeCode, string description, CancellationToken cancellationToken)
    {
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(2));
                await _sendGate.WaitAsync(timeout.Token).ConfigureAwait(false);
                try
                {
                    await _socket.CloseOutputAsync((WebSocketCloseStatus)closeCode, description, timeout.Token).ConfigureAwait(false);
                }
                finally
                {
                    _sendGate.Release();
                }

                // Let the peer read our close frame and answer before the socket goes: aborting at once
                // can reset the TCP connection and lose the close code.
                await _readLoop.WaitAsync(TimeSpan.FromSeconds(1), _timeProvider, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or TimeoutException)
        {
            LogCloseFailed(_logger, ex.GetType().Name);
        }
        finally
        {
            _socket.Abort();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _lifetime.CancelAsync().ConfigureAwait(false);
        _socket.Abort();
        try
        {
            await _readLoop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _socket.Dispose();
        _lifetime.Dispose();
        _sendGate.Dispose();
    }

    private async Task ReadLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        GatewayFrame last = GatewayFrame.Closed(null, "connection dropped");
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                buffer.ResetWrittenCount();
                ValueWebSocketReceiveResult result;
                do
                {
                    var memory = buffer.GetMemory(8 * 1024);
                    result = await _socket.ReceiveAsync(memory, cancellationToken).ConfigureAwait(false);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        last = GatewayFrame.Closed((int?)_socket.CloseStatus, _socket.CloseStatusDescription);
                        return;
                    }

                    buffer.Advance(result.Count);
                    if (buffer.WrittenCount > MaxInboundMessageBytes)
                    {
                        last = GatewayFrame.Closed(null, "inbound message too large");
                        return;
                    }
                }
                while (!result.EndOfMessage);

                var frame = Decode(buffer.WrittenSpan);
                await _frames.Writer.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            last = GatewayFrame.Closed(null, "transport disposed");
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            last = GatewayFrame.Closed((int?)_socket.CloseStatus, ex.GetType().Name);
        }
        finally
        {
            _frames.Writer.TryWrite(last);
            _frames.Writer.TryComplete();
        }
    }

    /// <summary>Decodes one complete message. Malformed input yields a malformed frame, never an exception.</summary>
    internal static GatewayFrame Decode(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return GatewayFrame.Malformed("payload is not a JSON object");
            }

            if (!root.TryGetProperty("op", out var opElement) || !opElement.TryGetInt32(out var op))
            {
                return GatewayFrame.Malformed("payload has no numeric op");
            }

            var data = root.TryGetProperty("d", out var d) ? d.Clone() : default;
            int? sequence = root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var seq) ? seq : null;
            string? eventName = root.TryGetProperty("t", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            return GatewayFrame.Received(new GatewayPayload(op, data, sequence, eventName));
        }
        catch (JsonException)
        {
            return GatewayFrame.Malformed("payload is not valid JSON");
        }
        catch (InvalidOperationException)
        {
            return GatewayFrame.Malformed("payload has an unexpected shape");
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Gateway close handshake did not complete ({ErrorType}); socket aborted")]
    private static partial void LogCloseFailed(ILogger logger, string errorType);
}
