using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace DiscordAnalytics.Tests.Infrastructure.DiscordEmulator;

/// <summary>
/// The gateway side of a session: the WebSocket accept and receive loop, and the answers to the client's frames
/// (IDENTIFY with READY, RESUME with the replay and RESUMED, heartbeats with ACKs).
/// </summary>
public sealed partial class DiscordEmulator
{
    private async Task AcceptGatewayAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        EmulatorConnection connection;
        lock (_gate)
        {
            connection = new EmulatorConnection(_connections.Count + 1, socket, context.Request.QueryString.Value ?? string.Empty, DateTimeOffset.UtcNow);
            _connections.Add(connection);
        }

        if (await HandleGatewayFaultAsync(socket, context.RequestAborted))
        {
            return;
        }

        connection.HelloSentAt = DateTimeOffset.UtcNow;
        await connection.SendAsync($$"""{"op":10,"d":{"heartbeat_interval":{{HeartbeatIntervalMs}}},"s":null,"t":null}""");
        try
        {
            await ReceiveLoopAsync(connection, context.RequestAborted);
        }
        finally
        {
            await Unready(connection);
        }
    }

    private async Task ReceiveLoopAsync(EmulatorConnection connection, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (connection.Socket.State == WebSocketState.Open)
        {
            message.SetLength(0);
            WebSocketReceiveResult result;
            try
            {
                do
                {
                    result = await connection.Socket.ReceiveAsync(buffer, cancellationToken);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        connection.ClientCloseStatus = (int?)result.CloseStatus;
                        return;
                    }

                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                return;
            }

            var text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            await OnClientFrameAsync(connection, text, (int)message.Length);
        }
    }

    private async Task OnClientFrameAsync(EmulatorConnection connection, string text, int bytes)
    {
        JsonNode? node = null;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
        }

        var op = node?["op"]?.GetValue<int>() ?? -1;
        lock (_gate)
        {
            _received.Add(new EmulatorFrame(connection.Number, op, text, DateTimeOffset.UtcNow, bytes));
        }

        switch (op)
        {
            case 1 when AckHeartbeats:
                await connection.SendAsync("""{"op":11,"d":null,"s":null,"t":null}""");
                break;
            case 2:
                await IdentifyAsync(connection);
                break;
            case 6:
                await ResumeAsync(connection, node!["d"]?["session_id"]?.GetValue<string>(), node["d"]?["seq"]?.GetValue<int?>());
                break;
        }
    }

    private async Task IdentifyAsync(EmulatorConnection connection)
    {
        await _sessionLock.WaitAsync();
        try
        {
            Interlocked.Increment(ref _identifyCount);
            SessionId = $"emulated-session-{++_sessionNumber}";
            lock (_gate)
            {
                _sessionExpired = false;
            }

            _history.Clear();
            Volatile.Write(ref _seq, 0);
            var guilds = new JsonArray(ReadyGuildIds.Select(id => (JsonNode)new JsonObject { ["id"] = id, ["unavailable"] = true }).ToArray());
            var ready = new JsonObject
            {
                ["v"] = 10,
                ["user"] = new JsonObject { ["id"] = BotUserId, ["username"] = "pulse-analytics", ["bot"] = true },
                ["guilds"] = guilds,
                ["session_id"] = ReadyWithoutSessionId ? null : ReadySessionIdOverride ?? SessionId,
                ["resume_gateway_url"] = ResumeGatewayUrlOverride ?? GatewayUrl,
                ["application"] = new JsonObject { ["id"] = BotUserId, ["flags"] = (long)ApplicationFlags },
            };
            var (_, frame) = AppendToHistory("READY", ready.ToJsonString());
            await connection.SendAsync(frame);
            _ready = connection;
        }
        finally
        {
            _sessionLock.Release();
        }
    }

    private async Task ResumeAsync(EmulatorConnection connection, string? sessionId, int? seq)
    {
        Task gate;
        lock (_gate)
        {
            gate = _resumeGate?.Task ?? Task.CompletedTask;
        }

        await gate;
        await _sessionLock.WaitAsync();
        try
        {
            bool expired;
            lock (_gate)
            {
                expired = _sessionExpired;
                if (expired && sessionId is not null && sessionId == SessionId)
                {
                    _refusedResumes.Add(new RefusedResume(sessionId, seq ?? 0));
                }
            }

            if (sessionId is null || sessionId != SessionId || expired)
            {
                await connection.SendAsync("""{"op":9,"d":false,"s":null,"t":null}""");
                return;
            }

            var missed = _history.Where(h => h.Seq > (seq ?? 0)).ToList();
            foreach (var (_, frame) in missed)
            {
                await connection.SendAsync(frame);
            }

            LastReplayCount = missed.Count;
            Interlocked.Add(ref _replayedTotal, missed.Count);
            var (_, resumed) = AppendToHistory("RESUMED", "{}");
            await connection.SendAsync(resumed);
            Interlocked.Increment(ref _resumeCount);
            _ready = connection;
        }
        finally
        {
            _sessionLock.Release();
        }
    }

    private (int Seq, string Frame) AppendToHistory(string eventName, string dataJson)
    {
        var seq = Interlocked.Increment(ref _seq);
        var frame = $$"""{"op":0,"s":{{seq}},"t":{{JsonSerializer.Serialize(eventName)}},"d":{{dataJson}}}""";
        _history.Add((seq, frame));
        return (seq, frame);
    }

    private async Task Unready(EmulatorConnection connection)
    {
        await _sessionLock.WaitAsync();
        try
        {
            if (ReferenceEquals(_ready, connection))
            {
                _ready = null;
            }
        }
        finally
        {
            _sessionLock.Release();
        }
    }

    private EmulatorConnection? Latest()
    {
        lock (_gate)
        {
            return _connections.Count == 0 ? null : _connections[^1];
        }
    }
}
