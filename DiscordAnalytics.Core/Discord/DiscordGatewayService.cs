using DiscordAnalytics.Core.Discord.Gateway;
using DiscordAnalytics.Core.Discord.Rest;
using DiscordAnalytics.Core.Hosting;
using DiscordAnalytics.Core.Ingestion;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Core.Discord;

/// <summary>
/// Live mode: runs the gateway session while a token is configured, normalizes every dispatch and
/// writes the events to <see cref="IIngestionSink"/> (awaiting it, so a slow sink slows the gateway
/// read side down instead of losing events). The session keeps <see cref="SourceStatus"/> current. Whatever
/// Discord does, an exception here is retried after a backoff (<see cref="ResilientBackgroundService"/>) and
/// never stops the host.
/// </summary>
public sealed partial class DiscordGatewayService : ResilientBackgroundService
{
    private readonly IOptions<DiscordOptions> _options;
    private readonly GatewaySession _session;
    private readonly DispatchNormalizer _normalizer;
    private readonly IIngestionSink _sink;
    private readonly ILogger<DiscordGatewayService> _logger;
    private readonly SourceStatus _status;
    private readonly DiscordRestClient _rest;
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<IFreshSessionObserver> _freshSessionObservers;
    private readonly Leadership.InstanceLeadership _leadership;
    private readonly Invites.InviteTracker? _invites;
    private readonly Members.MemberListReader? _memberLists;
    private readonly Loops.SlashCommands.SlashCommandInbox? _slashCommands;
    private bool _hadSession;

    public DiscordGatewayService(
        IOptions<DiscordOptions> options,
        GatewaySession session,
        DispatchNormalizer normalizer,
        IIngestionSink sink,
        SourceStatus status,
        DiscordRestClient rest,
        TimeProvider time,
        ILogger<DiscordGatewayService> logger,
        IEnumerable<IFreshSessionObserver>? freshSessionObservers = null,
        Leadership.InstanceLeadership? leadership = null,
        Invites.InviteTracker? invites = null,
        Members.MemberListReader? memberLists = null,
        Loops.SlashCommands.SlashCommandInbox? slashCommands = null)
        : base(time, logger)
    {
        _memberLists = memberLists;
        _slashCommands = slashCommands;
        _invites = invites;
        _leadership = leadership ?? Leadership.InstanceLeadership.Sole();
        _freshSessionObservers = [.. freshSessionObservers ?? []];
        _status = status;
        _rest = rest;
        _time = time;
        _options = options;
        _session = session;
        _normalizer = normalizer;
        _sink = sink;
        _logger = logger;
    }

    /// <summary>
    /// Only the leader of a shared store connects: a standby never identifies, and a leader whose term ends closes
    /// its connection at once (the session's token is cancelled) so the next leader's IDENTIFY is the only one.
    /// </summary>
    protected override Task RunOnceAsync(CancellationToken stoppingToken) =>
        _leadership.RunWhileLeaderAsync(RunAsLeaderAsync, () => _status.Set(SourceState.Standby, _leadership.Reason), stoppingToken);

    private async Task RunAsLeaderAsync(CancellationToken stoppingToken)
    {
        if (!_options.Value.HasToken)
        {
            LogNoToken(_logger);
            return;
        }

        try
        {
            // Checks the token before the gateway does, and names the bot in the log (never the token).
            var bot = await _rest.GetCurrentUserAsync(stoppingToken).ConfigureAwait(false);
            LogBot(_logger, bot.Username, bot.Id);
        }
        catch (DiscordUnauthorizedException)
        {
            _status.Set(SourceState.Down, "Discord rejected the bot token (401). Copy the token again from the Developer Portal (Bot > Reset Token).");
            LogTokenRejected(_logger);
            return;
        }
        catch (Exception ex) when (ex is DiscordRestException or HttpRequestException or System.Text.Json.JsonException)
        {
            // Not fatal: the gateway connection decides. The REST problem is on the chip (DiscordRestHealth).
            LogBotUnknown(_logger, ex.GetType().Name);
        }

        await _session.RunAsync(WriteAsync, stoppingToken).ConfigureAwait(false);
    }

    /// <summary>A bug in the client (or an answer nobody foresaw) costs a reconnect, not the app.</summary>
    protected override void OnFailed(Exception exception, TimeSpan retryIn)
    {
        _status.RecordReconnect();
        _status.Set(SourceState.Resuming, $"The Discord connection stopped after an internal error; {RetryBackoff.RetryingIn(retryIn)}");
    }

    private async ValueTask WriteAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        if (dispatch.EventName == "READY")
        {
            await OnFreshSessionAsync(dispatch, cancellationToken).ConfigureAwait(false);
        }

        if (dispatch.EventName == "INTERACTION_CREATE")
        {
            // Not an ingested event: queued for the slash command service without waiting, so an answer never holds up ingestion.
            _slashCommands?.Received(dispatch.Data);
            return;
        }

        foreach (var ingestEvent in _normalizer.Normalize(dispatch.EventName, dispatch.Data, dispatch.ReceivedAt))
        {
            await _sink.WriteAsync(ingestEvent, cancellationToken).ConfigureAwait(false);

            // After the event itself: a join is stored before its attribution, which the tracker writes when it has read the invites.
            _invites?.Observe(ingestEvent);
        }

        if (dispatch.EventName == "GUILD_CREATE" && Json.Snowflake(dispatch.Data, "id") is { } guildId)
        {
            if (Members.MemberListReader.IsPartial(dispatch.Data))
            {
                _memberLists?.Read(guildId);
            }

            await RefreshChannelNamesAsync(guildId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// READY only answers an IDENTIFY: a session that starts from nothing. Observers hear of it before the session's
    /// first event is written, so they see the store as the previous session (or process) left it.
    /// </summary>
    private async Task OnFreshSessionAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        var guildIds = Json.Array(dispatch.Data, "guilds").Select(g => Json.Snowflake(g, "id")).OfType<ulong>().ToList();
        var session = new FreshSession(guildIds, !_hadSession, dispatch.ReceivedAt)
        {
            ApplicationId = Json.Object(dispatch.Data, "application") is { } application ? Json.Snowflake(application, "id") : null,
        };
        _hadSession = true;

        // Not after a RESUME (no READY then): Discord replays the invite events that were missed.
        foreach (var guild in guildIds)
        {
            _invites?.Refresh(guild);
        }
        foreach (var observer in _freshSessionObservers)
        {
            try
            {
                await observer.OnFreshSessionAsync(session, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // An observer's fault must not stop ingestion.
                LogObserverFailed(_logger, ex, observer.GetType().Name);
            }
        }
    }

    /// <summary>
    /// Reconciles channel and active-thread names over REST once per guild connection, so every card
    /// resolves names even for channels GUILD_CREATE left out. A REST failure only costs names.
    /// </summary>
    private async Task RefreshChannelNamesAsync(ulong guildId, CancellationToken cancellationToken)
    {
        try
        {
            var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
            var channels = await _rest.GetGuildChannelsAsync(guildId, cancellationToken).ConfigureAwait(false);
            var threads = await _rest.GetActiveThreadsAsync(guildId, cancellationToken).ConfigureAwait(false);
            foreach (var channel in channels.Concat(threads))
            {
                foreach (var ingestEvent in _normalizer.NormalizeChannel(guildId, channel, now))
                {
                    await _sink.WriteAsync(ingestEvent, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is DiscordRestException or HttpRequestException or System.Text.Json.JsonException)
        {
            LogNamesUnavailable(_logger, guildId, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord bot {BotName} ({BotId}) authenticated")]
    private static partial void LogBot(ILogger logger, string botName, ulong botId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord rejected the bot token (401); the gateway stays off")]
    private static partial void LogTokenRejected(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the bot user ({Error}); connecting anyway")]
    private static partial void LogBotUnknown(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh channel names of guild {GuildId} ({Error})")]
    private static partial void LogNamesUnavailable(ILogger logger, ulong guildId, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Fresh-session observer {Observer} failed; ingestion goes on")]
    private static partial void LogObserverFailed(ILogger logger, Exception exception, string observer);

    [LoggerMessage(Level = LogLevel.Information, Message = "No Discord token configured: the gateway stays off")]
    private static partial void LogNoToken(ILogger logger);
}
