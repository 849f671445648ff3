using HangfireLogLevel = Hangfire.Logging.LogLevel;

namespace DiscordAnalytics.Web.Jobs;

/// <summary>One Hangfire logger of <see cref="HangfireLogProvider"/>: writes to its host's logger while that host lives, and to nothing after.</summary>
public sealed class HangfireLog(ILogger? logger) : Hangfire.Logging.ILog
{
    /// <summary>The logger handed out once the host's logger factory has been disposed.</summary>
    public static readonly HangfireLog Silent = new(null);

    public bool Log(HangfireLogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
    {
        if (logger is null)
        {
            return false;
        }

        var level = ToLogLevel(logLevel);
        try
        {
            // Hangfire asks with no message whether the level is on at all.
            if (messageFunc is null)
            {
                return logger.IsEnabled(level);
            }

            logger.Log(level, default, messageFunc() ?? string.Empty, exception, static (message, _) => message);
            return true;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    private static LogLevel ToLogLevel(HangfireLogLevel level) => level switch
    {
        HangfireLogLevel.Trace => LogLevel.Trace,
        HangfireLogLevel.Debug => LogLevel.Debug,
        HangfireLogLevel.Info => LogLevel.Information,
        HangfireLogLevel.Warn => LogLevel.Warning,
        HangfireLogLevel.Error => LogLevel.Error,
        HangfireLogLevel.Fatal => LogLevel.Critical,
        _ => LogLevel.None,
    };
}
