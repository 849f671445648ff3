namespace DiscordAnalytics.Core.Backfill;

/// <summary>Hands a run to whatever executes jobs (Hangfire in the web app, an in-process worker otherwise).</summary>
public interface IBackfillScheduler
{
    void Enqueue(long runId);
}
