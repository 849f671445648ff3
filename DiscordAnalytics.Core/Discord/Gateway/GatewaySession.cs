using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using DiscordAnalytics.Core.Discord.Rest;
using DiscordAnalytics.Core.Hosting;
using DiscordAnalytics.Core.Ingestion;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Core.Discord.Gateway;

/// <summary>
/// The gateway v10 session state machine: HELLO, heartbeats with zombie detection, IDENTIFY / RESUME,
/// sequence tracking, RECONNECT, INVALID_SESSION, close-code handling and capped, jittered reconnect
/// backoff. Dispatches go to the consumer through a bounded channel that lives as long as the session,
/// so a slow consumer slows reading down (backpressure) and nothing is lost across reconnects.
/// Reports its state to <see cref="SourceStatus"/>.
/// </summary>
public sealed partial class GatewaySession
{
    private readonly IOptions<DiscordOptions> _options;
    private readonly DiscordRestClient _rest;
    private readonly SourceStatus _status;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<GatewaySession> _logger;
    private readonly ILoggerFactory _loggerFactory;
    private readonly GatewaySessionOptions _sessionOptions;
    private readonly Random _random;
    private readonly Lock _randomGate = new();

    private int? _sequence;
    private GatewayIntents _intents;

    /// <summary>Set after Discord refused privileged intents and we carried on without them; shown while connected.</summary>
    private string? _degradedReason;
    private string? _sessionId;
    private string? _resumeGatewayUrl;
    private volatile bool _heartbeatAcked;
    private volatile bool _zombie;
    private volatile bool _backpressured;

    public GatewaySession(
        IOptions<DiscordOptions> options,
        DiscordRestClient rest,
        SourceStatus status,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory,
        GatewaySessionOptions? sessionOptions = null,
        Random? random = null)
    {
        _options = options;
        _rest = rest;
        _status = status;
        _timeProvider = timeProvider;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<GatewaySession>();
        _sessionOptions = sessionOptions ?? new GatewaySessionOptions();
        _random = random ?? new Random();
        _intents = GatewayIntentsParser.FromOptions(options.Value);
    }

    /// <summary>The intents sent in IDENTIFY.</summary>
    public GatewayIntents Intents => _intents;

    /// <summary>The last non-null sequence number received (sent in heartbeats and RESUME).</summary>
    public int? LastSequence => _sequence;

    /// <summary>The session id from READY, null before READY or after the session was invalidated.</summary>
    public string? SessionId => _sessionId;

    /// <summary>
    /// Runs until <paramref name="cancellationToken"/> fires or a fatal close code stops it. Every dispatch
    /// (READY and RESUMED included) is awaited through <paramref name="onDispatch"/> in order.
    /// </summary>
    public async Task RunAsync(Func<GatewayDispatch, CancellationToken, ValueTask> onDispatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onDispatch);
        var dispatches = Channel.CreateBounded<GatewayDispatch>(new BoundedChannelOptions(Math.Max(1, _sessionOptions.DispatchBufferCapacity))
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var pump = Task.Run(() => PumpAsync(dispatches.Reader, onDispatch, cancellationToken), CancellationToken.None);
        try
        {
            await RunConnectionsAsync(dispatches.Writer, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            dispatches.Writer.TryComplete();
            try
            {
                await pump.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
        }
    }

    private async Task RunConnectionsAsync(ChannelWriter<GatewayDispatch> dispatches, CancellationToken cancellationToken)
    {
        _status.Set(SourceState.Starting, "Connecting to Discord");
        string gatewayUrl;
        try
        {
            gatewayUrl = await ResolveGatewayUrlAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DiscordUnauthorizedException ex)
        {
            _status.Set(SourceState.Down, ex.Message);
            LogStopped(_logger, ex.Message);
            return;
        }

        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            // Without a usable resume_gateway_url, resuming on the ordinary gateway URL still works.
            var resuming = _sessionId is not null;
            var url = resuming ? _resumeGatewayUrl ?? gatewayUrl : gatewayUrl;
            ConnectionOutcome outcome;
            try
            {
                outcome = await RunConnectionAsync(url, resuming, dispatches, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is WebSocketException or HttpRequestException or IOException or OperationCanceledException)
            {
                LogConnectFailed(_logger, ex.GetType().Name);
                outcome = new ConnectionOutcome(ReconnectAction.Resume, "Could not connect to the Discord gateway", ReachedReady: false);
            }

            if (outcome.Action == ReconnectAction.Fatal)
            {
                _status.Set(SourceState.Down, outcome.Reason);
                LogStopped(_logger, outcome.Reason);
                return;
            }

            if (outcome.Action == ReconnectAction.Identify)
            {
                _sessionId = null;
                _resumeGatewayUrl = null;
                _sequence = null;
            }

            failures = outcome.ReachedReady ? 0 : failures + 1;
            var delay = outcome.Delay ?? Backoff(failures);
            _status.RecordReconnect();
            // The chip says what happened and when the next attempt comes, e.g. "Gateway closed at once (...); retrying in 16 s".
            _status.Set(SourceState.Resuming, $"{Sentence(outcome.Reason)}; {RetryBackoff.RetryingIn(delay)}");
            LogReconnecting(_logger, outcome.Reason, outcome.Action.ToString(), delay.TotalMilliseconds, failures);
            try
            {
                await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<ConnectionOutcome> RunConnectionAsync(string url, bool resuming, ChannelWriter<GatewayDispatch> dispatches, CancellationToken cancellationToken)
    {
        var transport = new GatewayTransport(_loggerFactory.CreateLogger<GatewayTransport>(), _timeProvider);
        await using (transport.ConfigureAwait(false))
        {
            using var connection = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _zombie = false;
            _backpressured = false;
            _heartbeatAcked = true;

            // A host that takes the TCP connection and never finishes the upgrade would otherwise hold this forever.
            using (var connectTimeout = new CancellationTokenSource(_sessionOptions.ConnectTimeout, _timeProvider))
            using (var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, connectTimeout.Token))
            {
                await transport.ConnectAsync(BuildGatewayUri(url), connecting.Token).ConfigureAwait(false);
            }

            LogConnected(_logger, resuming);

            Task heartbeat = Task.CompletedTask;
            var reachedReady = false;
            long? lastRequestedBeat = null;
            try
            {
                using var helloTimeout = new CancellationTokenSource(_sessionOptions.HelloTimeout, _timeProvider);
                using var beforeHello = CancellationTokenSource.CreateLinkedTokenSource(connection.Token, helloTimeout.Token);
                var helloReceived = false;
                while (true)
                {
                    GatewayFrame frame;
                    try
                    {
                        frame = await transport.Frames.ReadAsync(helloReceived ? connection.Token : beforeHello.Token).ConfigureAwait(false);
                    }
                    catch (ChannelClosedException)
                    {
                        return new ConnectionOutcome(ReconnectAction.Resume, _zombie ? "no heartbeat ACK (zombie connection)" : "connection dropped", reachedReady);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        await transport.CloseAsync(GatewayCloseCodes.UnknownError, "no hello", CancellationToken.None).ConfigureAwait(false);
                        return new ConnectionOutcome(ReconnectAction.Resume, "no HELLO from the gateway", reachedReady);
                    }

                    switch (frame.Kind)
                    {
                        case GatewayFrameKind.Malformed:
                            LogMalformedFrame(_logger, frame.Detail ?? "unknown");
                            continue;

                        case GatewayFrameKind.Closed:
                            var closed = await OnClosedAsync(frame, reachedReady, cancellationToken).ConfigureAwait(false);
                            return helloReceived || closed.Action == ReconnectAction.Fatal ? closed : closed with { Reason = ClosedAtOnce(frame.CloseCode) };
                    }

                    var payload = frame.Payload!;
                    switch ((GatewayOpCode)payload.Op)
                    {
                        case GatewayOpCode.Hello:
                            if (helloReceived)
                            {
                                continue;
                            }

                            helloReceived = true;
                            var interval = TimeSpan.FromMilliseconds(Math.Max(1, Json.Int(payload.Data, "heartbeat_interval") ?? 41_250));
                            heartbeat = Task.Run(() => HeartbeatLoopAsync(transport, interval, connection.Token), CancellationToken.None);
                            if (resuming)
                            {
                                await transport.SendAsync(GatewayPayloadWriter.Resume(_options.Value.Token, _sessionId!, _sequence), connection.Token).ConfigureAwait(false);
                                LogResumeSent(_logger, _sequence);
                            }
                            else
                            {
                                // A new session numbers its dispatches from 1 again.
                                _sequence = null;
                                await transport.SendAsync(GatewayPayloadWriter.Identify(_options.Value.Token, Intents, _sessionOptions), connection.Token).ConfigureAwait(false);
                                LogIdentifySent(_logger, (int)Intents);
                            }

                            break;

                        case GatewayOpCode.HeartbeatAck:
                            _heartbeatAcked = true;
                            break;

                        case GatewayOpCode.Heartbeat:
                            // A flood of requests must not spend the outbound budget (120 per 60 s) and then
                            // stall this read loop in the send limiter: answer at most one per second.
                            if (lastRequestedBeat is not long at || _timeProvider.GetElapsedTime(at) >= MinRequestedHeartbeatGap)
                            {
                                lastRequestedBeat = _timeProvider.GetTimestamp();
                                await transport.SendAsync(GatewayPayloadWriter.Heartbeat(_sequence), connection.Token).ConfigureAwait(false);
                            }

                            break;

                        case GatewayOpCode.Reconnect:
                            await transport.CloseAsync(GatewayCloseCodes.UnknownError, "reconnect requested", CancellationToken.None).ConfigureAwait(false);
                            return new ConnectionOutcome(ReconnectAction.Resume, "Discord asked us to reconnect", reachedReady);

                        case GatewayOpCode.InvalidSession:
                            var resumable = payload.Data.ValueKind == JsonValueKind.True;
                            await transport.CloseAsync(GatewayCloseCodes.UnknownError, "invalid session", CancellationToken.None).ConfigureAwait(false);
                            LogInvalidSession(_logger, resumable);
                            return resumable
                                ? new ConnectionOutcome(ReconnectAction.Resume, "Discord invalidated the session (resumable)", reachedReady)
                                : new ConnectionOutcome(ReconnectAction.Identify, "Discord invalidated the session", reachedReady, InvalidSessionDelay());

                        case GatewayOpCode.Dispatch:
                            // READY answers our IDENTIFY, once: a second one (or one after RESUME) is not Discord's
                            // and must not replace the session we resume with.
                            reachedReady |= await OnDispatchAsync(payload, acceptReady: !resuming && !reachedReady, dispatches, connection.Token).ConfigureAwait(false);
                            break;

                        default:
                            LogUnknownOp(_logger, payload.Op);
                            break;
                    }
                }
            }
            catch (WebSocketException ex)
            {
                LogSendFailed(_logger, ex.GetType().Name);
                return new ConnectionOutcome(ReconnectAction.Resume, "connection dropped", reachedReady);
            }
            finally
            {
                await connection.CancelAsync().ConfigureAwait(false);
                if (cancellationToken.IsCancellationRequested)
                {
                    // Shutting down: 1000 tells Discord the bot is going offline.
                    await transport.CloseAsync(GatewayCloseCodes.NormalClosure, "shutdown", CancellationToken.None).ConfigureAwait(false);
                }

                try
                {
                    await heartbeat.ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
                {
                }
            }
        }
    }

    /// <summary>Tracks the sequence and session, then hands the dispatch on. Returns true for READY / RESUMED.</summary>
    private async Task<bool> OnDispatchAsync(GatewayPayload payload, bool acceptReady, ChannelWriter<GatewayDispatch> dispatches, CancellationToken cancellationToken)
    {
        if (payload.EventName == "READY" && !acceptReady)
        {
            LogUnexpectedReady(_logger);
            return false;
        }

        // Sequence numbers only grow within a session: one that goes back (or is not positive) would make a
        // RESUME replay what we already have, so it is not taken.
        if (payload.Sequence is int sequence && sequence > 0 && (_sequence is not int last || sequence > last))
        {
            _sequence = sequence;
        }

        var ready = false;
        if (payload.EventName == "READY")
        {
            AcceptSession(Json.String(payload.Data, "session_id"), Json.String(payload.Data, "resume_gateway_url"));
            ready = true;
            _status.Set(SourceState.Connected, _degradedReason);
            LogReady(_logger, Json.Array(payload.Data, "guilds").Count());
        }
        else if (payload.EventName == "RESUMED")
        {
            ready = true;
            _status.Set(SourceState.Connected, _degradedReason);
            LogResumed(_logger, _sequence);
        }

        if (payload.EventName is null)
        {
            return ready;
        }

        var dispatch = new GatewayDispatch(payload.EventName, payload.Sequence, payload.Data, _timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        if (!dispatches.TryWrite(dispatch))
        {
            // The sink is behind: stop reading the socket until it catches up. ACKs wait in the socket
            // meanwhile, so zombie detection pauses instead of killing a healthy connection.
            _backpressured = true;
            try
            {
                await dispatches.WriteAsync(dispatch, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _heartbeatAcked = true;
                _backpressured = false;
            }
        }

        return ready;
    }
}
