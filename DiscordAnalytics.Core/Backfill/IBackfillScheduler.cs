namespace DiscordAnalytics.Core.Backfill;

/// <summary>Hands a run to whatever executes jobs (Hangfire in the web app, an in-process worker otherwise).</summary>
public interface IBackfillScheduler
{
    void Enqueue(long runId);

    /// <summary>Hands over a gap repair run; a job server may list it under its own name. Runs like any run by default.</summary>
    void EnqueueGapRepair(long runId) => Enqueue(runId);
}
