using DiscordAnalytics.Core.Hosting;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Web.Jobs;

/// <summary>
/// Writes every <see cref="IRecurringJobDefinition"/> into the job store. The start waits for the first try (at most
/// <see cref="StartWait"/>), so on a store that answers the jobs exist once the host has started. A job store on a
/// PostgreSQL server that does not answer must not hold the start: Hangfire's storage spends tens of seconds per job
/// finding that out (six jobs held the start 3.5 minutes), and its writes cannot be cancelled. So on PostgreSQL the
/// server is asked first (cancellable, bounded by the connection string's timeout), and the jobs are written only when
/// it answers; until then they are pending (<see cref="RecurringJobsStatus"/>, /healthz and the log say so) and tried
/// again after <see cref="RetryBackoff"/>'s waits, so they run once the server is back, without a restart.
/// A stop ends the retries at once; a write already inside Hangfire is left to finish on its own.
/// </summary>
public sealed partial class RecurringJobRegistrar(
    IRecurringJobManager manager,
    IEnumerable<IRecurringJobDefinition> definitions,
    IDbContextFactory<AnalyticsDbContext> contexts,
    IOptions<StorageOptions> storage,
    JobStoreSchema schema,
    RecurringJobsStatus status,
    TimeProvider time,
    ILogger<RecurringJobRegistrar> logger) : IHostedService, IDisposable
{
    /// <summary>How long the start waits for the first try to write the jobs.</summary>
    public static readonly TimeSpan StartWait = TimeSpan.FromSeconds(15);

    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _firstTry = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _registering = Task.CompletedTask;

    /// <summary>Done once every job is written, or the registrar stopped first.</summary>
    public Task Registered => _registering;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        List<IRecurringJobDefinition> all = [.. definitions];
        status.SetPending(all.Select(d => d.Id));
        _registering = Task.Run(() => RegisterAllAsync(all, _stopping.Token), CancellationToken.None);
        await Task.WhenAny(_firstTry.Task, Task.Delay(StartWait, time, cancellationToken)).ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        // Every wait of the loop observes the stop; the host's own timeout bounds the rest.
        await Task.WhenAny(_registering, Task.Delay(Timeout.Infinite, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>
    /// Ends the loop, as <see cref="BackgroundService"/> does: cancels rather than disposes the token's source, because a
    /// host being torn down (a test's app factory among them) may dispose its services before it calls <see cref="StopAsync"/>.
    /// </summary>
    public void Dispose() => _stopping.Cancel();

    private async Task RegisterAllAsync(List<IRecurringJobDefinition> pending, CancellationToken stopping)
    {
        var failures = 0;
        try
        {
            while (true)
            {
                if (await StoreAnswersAsync(stopping).ConfigureAwait(false))
                {
                    pending = [.. await WriteAsync(pending, stopping).ConfigureAwait(false)];
                }

                status.SetPending(pending.Select(d => d.Id));
                _firstTry.TrySetResult();
                if (pending.Count == 0)
                {
                    return;
                }

                var delay = RetryBackoff.Delay(++failures);
                LogPending(logger, pending.Count, string.Join(", ", pending.Select(d => d.Id)), delay.TotalSeconds);
                await Task.Delay(delay, time, stopping).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        finally
        {
            _firstTry.TrySetResult();
        }
    }

    /// <summary>Writes each job; returns those the store refused.</summary>
    private async Task<List<IRecurringJobDefinition>> WriteAsync(List<IRecurringJobDefinition> pending, CancellationToken stopping)
    {
        List<IRecurringJobDefinition> refused = [];
        foreach (var definition in pending)
        {
            // Hangfire's write is synchronous and does not take a token: the loop waits for it only until the stop.
            var written = await Task.Run(() => TryWrite(definition), CancellationToken.None).WaitAsync(stopping).ConfigureAwait(false);
            if (!written)
            {
                refused.Add(definition);
            }
        }

        return refused;
    }

    private bool TryWrite(IRecurringJobDefinition definition)
    {
        try
        {
            definition.Register(manager);
            LogRegistered(logger, definition.Id);
            return true;
        }
        catch (Exception ex)
        {
            LogRefused(logger, definition.Id, ex);
            return false;
        }
    }

    /// <summary>
    /// On PostgreSQL, whether the server answers now (the job store lives in its database) and Hangfire's tables are in
    /// place; SQLite's file is always there.
    /// </summary>
    private async Task<bool> StoreAnswersAsync(CancellationToken stopping)
    {
        if (storage.Value.Kind != StoreProvider.Postgres)
        {
            return true;
        }

        await using (var db = await contexts.CreateDbContextAsync(stopping).ConfigureAwait(false))
        {
            if (!await db.Database.CanConnectAsync(stopping).ConfigureAwait(false))
            {
                return false;
            }
        }

        try
        {
            await schema.EnsureAsync(stopping).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested && StoreFailure.IsFromStore(ex))
        {
            LogSchemaNotInstalled(logger, ex);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recurring job {JobId} registered")]
    private static partial void LogRegistered(ILogger logger, string jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recurring job {JobId} could not be registered")]
    private static partial void LogRefused(ILogger logger, string jobId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Hangfire's tables could not be installed in the store's database")]
    private static partial void LogSchemaNotInstalled(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} recurring job(s) pending, the job store does not answer: {JobIds}; trying again in {DelaySeconds} s")]
    private static partial void LogPending(ILogger logger, int count, string jobIds, double delaySeconds);
}
