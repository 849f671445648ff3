namespace DiscordAnalytics.Core.Ingestion;

/// <summary>
/// Where sources hand normalized events. Writing waits when ingestion is behind (a bounded queue),
/// so a fast source slows down instead of losing events.
/// </summary>
public interface IIngestionSink
{
    ValueTask WriteAsync(IngestEvent ingestEvent, CancellationToken cancellationToken);
}
