using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DiscordAnalytics.Tests.Infrastructure.DiscordEmulator;

/// <summary>
/// A loopback Discord: Kestrel on 127.0.0.1 (random port) speaking gateway v10 (JSON) on
/// <see cref="GatewayUrl"/> and a REST v10 surface with rate-limit headers on <see cref="ApiBaseUrl"/>.
/// One session at a time, like one bot shard. Dispatches are sequenced and kept, so a RESUME replays
/// everything after the client's seq, then sends RESUMED. Script it per test; nothing leaves 127.0.0.1.
/// </summary>
public sealed partial class DiscordEmulator : IAsyncDisposable
{
    public const string BotUserId = "1073536303104000000";

    private readonly WebApplication _app;
    private readonly SemaphoreSlim _sessionLock = new(1, 1);
    private readonly Lock _gate = new();
    private readonly List<(int Seq, string Frame)> _history = [];
    private readonly List<EmulatorFrame> _received = [];
    private readonly List<EmulatorConnection> _connections = [];
    private readonly List<RefusedResume> _refusedResumes = [];
    private EmulatorConnection? _ready;
    private int _seq;
    private int _sessionNumber;
    private int _identifyCount;
    private int _resumeCount;
    private TaskCompletionSource? _resumeGate;
    private bool _sessionExpired;
    private int _replayedTotal;

    private DiscordEmulator(WebApplication app)
    {
        _app = app;
    }

    /// <summary><c>ws://127.0.0.1:port/gateway</c>.</summary>
    public string GatewayUrl { get; private set; } = string.Empty;

    /// <summary><c>http://127.0.0.1:port/api/v10</c>.</summary>
    public string ApiBaseUrl { get; private set; } = string.Empty;

    /// <summary>HELLO's heartbeat_interval in ms for new connections. Default 45 s (tests that time beats lower it).</summary>
    public int HeartbeatIntervalMs { get; set; } = 45_000;

    /// <summary>Whether heartbeats are acknowledged (switch off to make the connection a zombie).</summary>
    public bool AckHeartbeats { get; set; } = true;

    /// <summary>Guild ids READY lists as unavailable.</summary>
    public IReadOnlyList<string> ReadyGuildIds { get; set; } = ["849255963033600000"];

    /// <summary>READY's <c>resume_gateway_url</c> when set (to test broken values); otherwise <see cref="GatewayUrl"/>.</summary>
    public string? ResumeGatewayUrlOverride { get; set; }

    /// <summary>Whether READY carries <c>session_id: null</c> (a broken READY the client cannot resume from).</summary>
    public bool ReadyWithoutSessionId { get; set; }

    /// <summary>The current session id (changes on every IDENTIFY).</summary>
    public string? SessionId { get; private set; }

    /// <summary>Whether a connection has been answered with READY or RESUMED and is still up.</summary>
    public bool IsSessionReady => Volatile.Read(ref _ready) is not null;

    public int IdentifyCount => Volatile.Read(ref _identifyCount);

    public int ResumeCount => Volatile.Read(ref _resumeCount);

    public int ConnectionCount
    {
        get
        {
            lock (_gate)
            {
                return _connections.Count;
            }
        }
    }

    public IReadOnlyList<EmulatorConnection> Connections
    {
        get
        {
            lock (_gate)
            {
                return _connections.ToList();
            }
        }
    }

    /// <summary>Every frame the client sent, in arrival order.</summary>
    public IReadOnlyList<EmulatorFrame> ReceivedFrames
    {
        get
        {
            lock (_gate)
            {
                return _received.ToList();
            }
        }
    }

    /// <summary>The last dispatch sequence number issued.</summary>
    public int LastSequence => Volatile.Read(ref _seq);

    /// <summary>How many dispatches the last RESUME replayed.</summary>
    public int LastReplayCount { get; private set; }

    /// <summary>Dispatches replayed by every RESUME so far.</summary>
    public int ReplayedTotal => Volatile.Read(ref _replayedTotal);

    /// <summary>
    /// RESUMEs answered with INVALID_SESSION (d: false) because the session had expired: what that session
    /// dispatched after the client's seq was never delivered and never will be (Discord does not replay
    /// into a new session).
    /// </summary>
    public IReadOnlyList<RefusedResume> RefusedResumes
    {
        get
        {
            lock (_gate)
            {
                return _refusedResumes.ToList();
            }
        }
    }

    public IReadOnlyList<EmulatorFrame> FramesWithOp(int op) => ReceivedFrames.Where(f => f.Op == op).ToList();

    public static async Task<DiscordEmulator> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var emulator = new DiscordEmulator(app);
        app.UseWebSockets();
        app.Map("/gateway", emulator.AcceptGatewayAsync);
        emulator.MapRest(app);
        await app.StartAsync();
        var address = app.Urls.First();
        emulator.GatewayUrl = address.Replace("http://", "ws://", StringComparison.Ordinal) + "/gateway";
        emulator.ApiBaseUrl = address + "/api/v10";
        return emulator;
    }

    // ---- scripting -------------------------------------------------------------------------

    /// <summary>Sends a dispatch with the next sequence number; while no session is connected it is only kept for replay.</summary>
    public async Task<int> DispatchAsync(string eventName, string dataJson, int splitInto = 1)
    {
        await _sessionLock.WaitAsync();
        try
        {
            var (seq, frame) = AppendToHistory(eventName, dataJson);
            if (_ready is { } connection)
            {
                await connection.SendAsync(frame, splitInto);
            }

            return seq;
        }
        finally
        {
            _sessionLock.Release();
        }
    }

    /// <summary>Like <see cref="DispatchAsync"/>, and says which session (and seq) the dispatch belongs to.</summary>
    public async Task<DispatchReceipt> DispatchTrackedAsync(string eventName, string dataJson)
    {
        await _sessionLock.WaitAsync();
        try
        {
            var (seq, frame) = AppendToHistory(eventName, dataJson);
            if (_ready is { } connection)
            {
                await connection.SendAsync(frame);
            }

            return new DispatchReceipt(SessionId, seq);
        }
        finally
        {
            _sessionLock.Release();
        }
    }

    /// <summary>
    /// Expires the current session as Discord does after a long outage: the next RESUME is answered with
    /// INVALID_SESSION (d: false) and nothing is replayed; the client has to IDENTIFY into a new session.
    /// </summary>
    public void ExpireSession()
    {
        lock (_gate)
        {
            _sessionExpired = true;
        }
    }

    /// <summary>Dispatches a fixture's <c>t</c> and <c>d</c> (the sequence is the emulator's own).</summary>
    public Task<int> DispatchFixtureAsync(string fixtureFileName, int splitInto = 1) =>
        DispatchAsync(DiscordFixtures.EventName(fixtureFileName), DiscordFixtures.DataJson(fixtureFileName), splitInto);

    /// <summary>Sends raw text on the newest connection, optionally split over several WebSocket frames.</summary>
    public Task SendRawAsync(string text, int splitInto = 1) => Latest()?.SendAsync(text, splitInto) ?? Task.CompletedTask;

    public Task SendOpAsync(int op, string dataJson = "null") => SendRawAsync($$"""{"op":{{op}},"d":{{dataJson}},"s":null,"t":null}""");

    /// <summary>op 1 from the server: the client must heartbeat at once.</summary>
    public Task RequestHeartbeatAsync() => SendOpAsync(1);

    public Task SendReconnectAsync() => SendOpAsync(7);

    public Task SendInvalidSessionAsync(bool resumable) => SendOpAsync(9, resumable ? "true" : "false");

    public Task SendMalformedAsync() => SendRawAsync("{\"op\":0,\"t\":\"MESSAGE_CREATE\",\"s\":");

    /// <summary>Closes the newest connection with a close code (4004, 4014, 4009, ...).</summary>
    public async Task CloseAsync(int code, string reason = "")
    {
        if (Latest() is { } connection)
        {
            await Unready(connection);
            await connection.CloseAsync(code, reason);
        }
    }

    /// <summary>Drops the newest connection without a close frame (a network failure).</summary>
    public async Task DropConnectionAsync()
    {
        if (Latest() is { } connection)
        {
            await Unready(connection);
            connection.Abort();
        }
    }

    /// <summary>Holds every RESUME until <see cref="ReleaseResumes"/>, so a test can queue "missed" dispatches first.</summary>
    public void HoldResumes()
    {
        lock (_gate)
        {
            _resumeGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void ReleaseResumes()
    {
        lock (_gate)
        {
            _resumeGate?.TrySetResult();
            _resumeGate = null;
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds (polling), or throws after the timeout.</summary>
    public Task WaitForAsync(Func<DiscordEmulator, bool> condition, string because, TimeSpan? timeout = null) =>
        Eventually.TrueAsync(() => condition(this), because, timeout);

    public Task WaitForIdentifyAsync(int count = 1) => WaitForAsync(e => e.IdentifyCount >= count && e._ready is not null, $"{count} IDENTIFY answered with READY");

    public Task WaitForResumeAsync(int count = 1) => WaitForAsync(e => e.ResumeCount >= count && e._ready is not null, $"{count} RESUME answered with RESUMED");

    public Task WaitForFramesAsync(int op, int count) => WaitForAsync(e => e.FramesWithOp(op).Count >= count, $"{count} frames with op {op}");

    public async ValueTask DisposeAsync()
    {
        ReleaseResumes();
        ReleaseCallbacks();
        foreach (var connection in Connections)
        {
            connection.Abort();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
