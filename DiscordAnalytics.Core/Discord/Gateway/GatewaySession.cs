using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using DiscordAnalytics.Core.Discord.Rest;
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
            _status.Set(SourceState.Resuming, $"Reconnecting to Discord: {outcome.Reason}");
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
            await transport.ConnectAsync(BuildGatewayUri(url), cancellationToken).ConfigureAwait(false);
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
                            return await OnClosedAsync(frame, reachedReady, cancellationToken).ConfigureAwait(false);
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
            _sessionId = Json.String(payload.Data, "session_id");
            _resumeGatewayUrl = UsableGatewayUrl(Json.String(payload.Data, "resume_gateway_url"));
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

    private async Task<ConnectionOutcome> OnClosedAsync(GatewayFrame frame, bool reachedReady, CancellationToken cancellationToken)
    {
        if (_zombie)
        {
            return new ConnectionOutcome(ReconnectAction.Resume, "no heartbeat ACK (zombie connection)", reachedReady);
        }

        var code = frame.CloseCode;
        LogClosed(_logger, code);
        var action = GatewayCloseCodes.Classify(code);
        if (action != ReconnectAction.Fatal)
        {
            var reason = code is int c ? $"the gateway closed the connection ({c})" : "connection dropped";
            return new ConnectionOutcome(action, reason, reachedReady);
        }

        if (code == GatewayCloseCodes.DisallowedIntents && (_intents & PrivilegedIntents) != GatewayIntents.None)
        {
            // The app runs on without them: drop what the portal does not grant, start a new session, and
            // keep telling the owner exactly which switch to turn on.
            var missing = await FindDisallowedIntentsAsync(cancellationToken).ConfigureAwait(false);
            var names = string.Join(" and ", GatewayIntentsParser.PortalNames(missing));
            _intents &= ~missing;
            _degradedReason = $"Running without {names}: Discord refused it (close 4014). Enable {names} under Bot > Privileged Gateway Intents in the Discord Developer Portal and restart to count everything.";
            LogIntentsDropped(_logger, names);
            return new ConnectionOutcome(ReconnectAction.Identify, _degradedReason, reachedReady, TimeSpan.Zero);
        }

        return new ConnectionOutcome(ReconnectAction.Fatal, GatewayCloseCodes.FatalReason(code!.Value), reachedReady);
    }

    private static readonly TimeSpan MinRequestedHeartbeatGap = TimeSpan.FromSeconds(1);

    private const GatewayIntents PrivilegedIntents = GatewayIntents.GuildMembers | GatewayIntents.MessageContent;

    /// <summary>The privileged intents the portal does not grant, from the application flags when REST can tell; else all requested.</summary>
    private async Task<GatewayIntents> FindDisallowedIntentsAsync(CancellationToken cancellationToken)
    {
        var requested = _intents & PrivilegedIntents;
        var missing = requested;
        try
        {
            if (await _rest.GetCurrentApplicationFlagsAsync(cancellationToken).ConfigureAwait(false) is long flags)
            {
                // GATEWAY_GUILD_MEMBERS(_LIMITED) = 1<<14 | 1<<15; GATEWAY_MESSAGE_CONTENT(_LIMITED) = 1<<18 | 1<<19.
                if ((flags & ((1L << 14) | (1L << 15))) != 0)
                {
                    missing &= ~GatewayIntents.GuildMembers;
                }

                if ((flags & ((1L << 18) | (1L << 19))) != 0)
                {
                    missing &= ~GatewayIntents.MessageContent;
                }

                if (missing == GatewayIntents.None)
                {
                    missing = requested;
                }
            }
        }
        catch (Exception ex) when (ex is DiscordRestException or HttpRequestException or JsonException or TaskCanceledException)
        {
            LogApplicationFlagsUnavailable(_logger, ex.GetType().Name);
        }

        return missing;
    }

    private async Task HeartbeatLoopAsync(GatewayTransport transport, TimeSpan interval, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(interval * NextDouble(), _timeProvider, cancellationToken).ConfigureAwait(false);
            while (!cancellationToken.IsCancellationRequested)
            {
                if (!_heartbeatAcked && !_backpressured)
                {
                    _zombie = true;
                    LogZombie(_logger);
                    await transport.CloseAsync(GatewayCloseCodes.UnknownError, "zombie connection", CancellationToken.None).ConfigureAwait(false);
                    return;
                }

                _heartbeatAcked = false;
                await transport.SendAsync(GatewayPayloadWriter.Heartbeat(_sequence), cancellationToken).ConfigureAwait(false);
                await Task.Delay(interval, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The read loop reports the dropped socket; nothing to add here.
            LogSendFailed(_logger, ex.GetType().Name);
        }
    }

    private async Task PumpAsync(ChannelReader<GatewayDispatch> reader, Func<GatewayDispatch, CancellationToken, ValueTask> onDispatch, CancellationToken cancellationToken)
    {
        await foreach (var dispatch in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await onDispatch(dispatch, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogConsumerFailed(_logger, dispatch.EventName, dispatch.Sequence, ex.GetType().Name);
            }
        }
    }

    private async Task<string> ResolveGatewayUrlAsync(CancellationToken cancellationToken)
    {
        try
        {
            var info = await _rest.GetGatewayBotAsync(cancellationToken).ConfigureAwait(false);
            return UsableGatewayUrl(info.Url) ?? _options.Value.GatewayUrl;
        }
        catch (Exception ex) when (ex is not DiscordUnauthorizedException
            && (ex is DiscordRestException or HttpRequestException or JsonException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested)))
        {
            LogGatewayUrlFallback(_logger, ex.GetType().Name);
            return _options.Value.GatewayUrl;
        }
    }

    /// <summary>
    /// <paramref name="url"/> when a WebSocket can connect to it (absolute ws/wss with a host), else null:
    /// a URL from the wire that cannot be used must not stop the session.
    /// </summary>
    internal static string? UsableGatewayUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "ws" or "wss" && !string.IsNullOrEmpty(uri.Host) ? url : null;

    /// <summary>The gateway URL with <c>?v=10&amp;encoding=json</c> (resume URLs from READY come without a query).</summary>
    internal static Uri BuildGatewayUri(string url)
    {
        var builder = new UriBuilder(url) { Query = "v=10&encoding=json" };
        return builder.Uri;
    }

    /// <summary>Capped exponential backoff with jitter: base * 2^min(n,10), capped, times [0.5, 1).</summary>
    private TimeSpan Backoff(int failures)
    {
        var exponential = _sessionOptions.ReconnectBaseDelay * Math.Pow(2, Math.Min(failures, 10));
        var capped = exponential > _sessionOptions.ReconnectMaxDelay ? _sessionOptions.ReconnectMaxDelay : exponential;
        return capped * (0.5 + (NextDouble() / 2));
    }

    private TimeSpan InvalidSessionDelay()
    {
        var min = _sessionOptions.InvalidSessionMinDelay;
        var max = _sessionOptions.InvalidSessionMaxDelay;
        return max <= min ? min : min + ((max - min) * NextDouble());
    }

    private double NextDouble()
    {
        lock (_randomGate)
        {
            return _random.NextDouble();
        }
    }
}
