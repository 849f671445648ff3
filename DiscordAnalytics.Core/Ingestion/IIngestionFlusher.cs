namespace DiscordAnalytics.Core.Ingestion;

/// <summary>
/// Waits until everything written to the sink so far is committed. A source that records its own
/// progress (backfill checkpoints) flushes first, so a checkpoint never claims events that a crash could lose.
/// </summary>
public interface IIngestionFlusher
{
    Task FlushAsync(CancellationToken cancellationToken);
}
