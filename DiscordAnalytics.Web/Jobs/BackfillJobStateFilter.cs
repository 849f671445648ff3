using DiscordAnalytics.Core.Backfill;
using Hangfire.States;
using Hangfire.Storage;

namespace DiscordAnalytics.Web.Jobs;

/// <summary>
/// When Hangfire moves a <see cref="BackfillJob"/> to Failed (it could not be built, or threw past the runner and
/// retries are over) or Deleted (from the dashboard), the run is marked failed with a reason the settings page
/// and the API show. The reason names the exception type only: messages may carry content or secrets.
/// </summary>
public sealed partial class BackfillJobStateFilter(BackfillFailureRecorder recorder, ILogger<BackfillJobStateFilter> logger) : IApplyStateFilter
{
    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
        var reason = context.NewState switch
        {
            FailedState failed => $"The job server could not complete the backfill job ({failed.Exception?.GetType().Name ?? "unknown error"}); the server log has the details. Start a new run to try again.",
            DeletedState => "The backfill job was deleted from the job server before the run finished.",
            _ => null,
        };
        if (reason is null || context.BackgroundJob.Job is not { } job || job.Type != typeof(BackfillJob))
        {
            return;
        }

        if (job.Args.Count == 0 || job.Args[0] is not long runId)
        {
            LogNoRunId(logger, context.BackgroundJob.Id);
            return;
        }

        try
        {
            recorder.Record(runId, reason);
        }
        catch (Exception ex)
        {
            // Never fail Hangfire's state change over it; the run is then left to the resumer at the next start.
            LogNotRecorded(logger, ex, runId, context.NewState.Name);
        }
    }

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backfill job {JobId} ended without a readable run id")]
    private static partial void LogNoRunId(ILogger logger, string jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Backfill run {RunId} could not be marked failed after its job went to {State}")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception, long runId, string state);
}
