using Microsoft.Extensions.Logging;

namespace DiscordAnalytics.Core.Discord.Gateway;

/// <summary>Log templates of the session. None carries a token or message content.</summary>
public sealed partial class GatewaySession
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway socket open (resuming {Resuming})")]
    private static partial void LogConnected(ILogger logger, bool resuming);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway IDENTIFY sent with intents {Intents}")]
    private static partial void LogIdentifySent(ILogger logger, int intents);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway RESUME sent at sequence {Sequence}")]
    private static partial void LogResumeSent(ILogger logger, int? sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord refused privileged intents (close 4014); continuing without {Intents}. Enable them under Bot > Privileged Gateway Intents in the Developer Portal")]
    private static partial void LogIntentsDropped(ILogger logger, string intents);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway READY with {GuildCount} guilds")]
    private static partial void LogReady(ILogger logger, int guildCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway READY ignored: the connection already has a session")]
    private static partial void LogUnexpectedReady(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway RESUMED at sequence {Sequence}")]
    private static partial void LogResumed(ILogger logger, int? sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway frame skipped: {Detail}")]
    private static partial void LogMalformedFrame(ILogger logger, string detail);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Gateway opcode {Op} ignored")]
    private static partial void LogUnknownOp(ILogger logger, int op);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway INVALID_SESSION (resumable {Resumable})")]
    private static partial void LogInvalidSession(ILogger logger, bool resumable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway closed with code {CloseCode}")]
    private static partial void LogClosed(ILogger logger, int? closeCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway heartbeat not acknowledged: closing the zombie connection to resume")]
    private static partial void LogZombie(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway reconnecting ({Reason}; next {Action}) in {DelayMs} ms after {Failures} failed attempts")]
    private static partial void LogReconnecting(ILogger logger, string reason, string action, double delayMs, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway connect failed ({ErrorType})")]
    private static partial void LogConnectFailed(ILogger logger, string errorType);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Gateway send failed ({ErrorType})")]
    private static partial void LogSendFailed(ILogger logger, string errorType);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gateway stopped: {Reason}")]
    private static partial void LogStopped(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "GET /gateway/bot failed ({ErrorType}); using the configured gateway URL")]
    private static partial void LogGatewayUrlFallback(ILogger logger, string errorType);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Application flags unavailable ({ErrorType}); naming every requested privileged intent")]
    private static partial void LogApplicationFlagsUnavailable(ILogger logger, string errorType);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dispatch consumer failed on {EventName} sequence {Sequence} ({ErrorType}); dispatch skipped")]
    private static partial void LogConsumerFailed(ILogger logger, string eventName, int? sequence, string errorType);
}
