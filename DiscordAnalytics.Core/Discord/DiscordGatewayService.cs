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

    public DiscordGatewayService(
        IOptions<DiscordOptions> options,
        GatewaySession session,
        DispatchNormalizer normalizer,
        IIngestionSink sink,
        SourceStatus status,
        DiscordRestClient rest,
        TimeProvider time,
        ILogger<DiscordGatewayService> logger)
        : base(time, logger)
    {
        _status = status;
        _rest = rest;
        _time = time;
        _options = options;
        _session = session;
        _normalizer = normalizer;
        _sink = sink;
        _logger = logger;
    }

    protected override async Task RunOnceAsync(CancellationToken stoppingToken)
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
    protected override void OnFailed(Exception exception, TimeSpan retryIn) =>
        _status.Set(SourceState.Resuming, $"The Discord connection stopped after an internal error; {RetryBackoff.RetryingIn(retryIn)}");

    private async ValueTask WriteAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        foreach (var ingestEvent in _normalizer.Normalize(dispatch.EventName, dispatch.Data, dispatch.ReceivedAt))
        {
            await _sink.WriteAsync(ingestEvent, cancellationToken).ConfigureAwait(false);
        }

        if (dispatch.EventName == "GUILD_CREATE" && Json.Snowflake(dispatch.Data, "id") is { } guildId)
        {
            await RefreshChannelNamesAsync(guildId, cancellationToken).ConfigureAwait(false);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "No Discord token configured: the gateway stays off")]
    private static partial void LogNoToken(ILogger logger);
}
