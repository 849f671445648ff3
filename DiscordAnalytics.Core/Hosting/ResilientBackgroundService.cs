using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DiscordAnalytics.Core.Hosting;

/// <summary>
/// A background service whose work is retried instead of ending the host. Every exception except the one shutdown
/// causes is logged (its type and message: the product's exceptions never carry a token or message content) and
/// the work starts again after a capped exponential backoff (<see cref="RetryBackoff"/>). The web host also sets
/// <c>HostOptions.BackgroundServiceExceptionBehavior = Ignore</c> as a last line of defence. Work that returns is done:
/// a fatal configuration problem (a rejected token) ends that way on purpose, since retrying cannot help.
/// </summary>
public abstract partial class ResilientBackgroundService : BackgroundService
{
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private int _failures;

    protected ResilientBackgroundService(TimeProvider time, ILogger logger)
    {
        _time = time;
        _logger = logger;
    }

    /// <summary>The clock the service waits on (and its work may read).</summary>
    protected TimeProvider Time => _time;

    /// <summary>Failures in a row so far; 0 before the first one.</summary>
    public int ConsecutiveFailures => Volatile.Read(ref _failures);

    /// <summary>The name the log uses for this service.</summary>
    protected virtual string ServiceName => GetType().Name;

    /// <summary>The service's work. Returning ends the service; throwing retries it after the backoff.</summary>
    protected abstract Task RunOnceAsync(CancellationToken stoppingToken);

    /// <summary>
    /// Called after a failure, before the wait, to say so where the owner looks (the status chip). Gets the
    /// exception only to pick words; its text is for the log, never for the UI.
    /// </summary>
    protected virtual void OnFailed(Exception exception, TimeSpan retryIn)
    {
    }

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Synchronous work at the start of RunOnceAsync must not hold up the host's start.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var started = _time.GetTimestamp();
            TimeSpan delay;
            try
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A run that went well for longer than the longest wait starts the backoff over.
                var failures = _time.GetElapsedTime(started) > RetryBackoff.MaxDelay ? 1 : _failures + 1;
                Volatile.Write(ref _failures, failures);
                delay = RetryBackoff.Delay(failures);
                LogFailed(_logger, ServiceName, ex.GetType().Name, failures, delay.TotalSeconds, ex);
                Report(ex, delay);
            }

            try
            {
                await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Report(Exception exception, TimeSpan delay)
    {
        try
        {
            OnFailed(exception, delay);
        }
        catch (Exception ex)
        {
            // A broken report must not turn a retried failure into a dead service.
            LogReportFailed(_logger, ServiceName, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Service} failed ({ErrorType}, {Failures} in a row); retrying in {DelaySeconds} s")]
    private static partial void LogFailed(ILogger logger, string service, string errorType, int failures, double delaySeconds, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Service} could not report its failure")]
    private static partial void LogReportFailed(ILogger logger, string service, Exception exception);
}
