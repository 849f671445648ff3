using Hangfire.Logging;

namespace DiscordAnalytics.Web.Jobs;

/// <summary>
/// Hangfire's log provider over this host's <see cref="ILoggerFactory"/>. Hangfire keeps one provider for the whole
/// process (every host that configures Hangfire replaces it) and asks it for a logger whenever it builds a store
/// connection, a worker or a state change, in every host. Hangfire's own AspNetCoreLogProvider throws
/// ObjectDisposedException there once the host that installed it has been disposed. Then a job server starting in
/// another host is never created (its constructor asks for a logger; the host carries on without one), and running
/// servers fail to open store connections and back off for minutes: jobs wait in vain (tests run hundreds of hosts
/// in one process). This one goes quiet instead of throwing once its host's logging is gone.
/// </summary>
public sealed class HangfireLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    public ILog GetLogger(string name)
    {
        try
        {
            return new HangfireLog(loggerFactory.CreateLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return HangfireLog.Silent;
        }
    }
}
