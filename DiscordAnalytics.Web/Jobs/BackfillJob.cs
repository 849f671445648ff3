using DiscordAnalytics.Core.Backfill;
using DiscordAnalytics.Core.Ingestion;
using Hangfire;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DiscordAnalytics.Web.Jobs;

/// <summary>
/// The Hangfire job of one backfill run. Thin: Core's runner does the work and is idempotent and resumable
/// (checkpoints, event dedupe, one execution per run at a time), so a job handed out twice by the SQLite
/// storage does nothing the second time.
/// No [DisableConcurrentExecution]: its lock is per method, not per run, so a second guild's run would wait
/// for the first, time out and fail (leaving that run queued); the runner already keeps each run single.
/// </summary>
public sealed class BackfillJob(BackfillRunner runner)
{
    /// <summary>
    /// Retries only what can heal by itself: a busy or briefly unavailable store file. A retry costs little because
    /// the runner continues from its checkpoints (at most one uncommitted page is fetched again, and dedupe absorbs
    /// it). Anything else (the job cannot be built, a bug) fails at once: retrying would only keep a run that does
    /// not move on the settings page for minutes. Errors the runner expects (Discord, HTTP) it records itself.
    /// When Hangfire finally fails or deletes the job, <see cref="BackfillJobStateFilter"/> fails the run with a reason.
    /// </summary>
    [AutomaticRetry(Attempts = 2, DelaysInSeconds = [5, 30], OnlyOn = [typeof(SqliteException), typeof(NpgsqlException), typeof(IOException)], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public Task RunAsync(long runId, CancellationToken cancellationToken) => RunStoreFailuresUnwrappedAsync(runId, cancellationToken);

    /// <summary>A gap repair after downtime: a backfill run like any other, named for what it does on /hangfire.</summary>
    [JobDisplayName("Gap repair (backfill run {0})")]
    [AutomaticRetry(Attempts = 2, DelaysInSeconds = [5, 30], OnlyOn = [typeof(SqliteException), typeof(NpgsqlException), typeof(IOException)], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public Task RepairGapAsync(long runId, CancellationToken cancellationToken) => RunStoreFailuresUnwrappedAsync(runId, cancellationToken);

    /// <summary>
    /// EF Core wraps a provider's failure (PostgreSQL's above all) in its own exception; the retry rule matches types, so
    /// the job throws the provider's exception itself, whichever provider is in use.
    /// </summary>
    private async Task RunStoreFailuresUnwrappedAsync(long runId, CancellationToken cancellationToken)
    {
        try
        {
            await runner.RunAsync(runId, cancellationToken);
        }
        catch (Exception ex) when (StoreFailure.ProviderExceptionOf(ex) is { } provider && provider != ex)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(provider);
        }
    }
}
