namespace DiscordAnalytics.Core.Ingestion;

/// <summary>How far ingestion is, read-only: what the dashboard and <c>/healthz</c> show without reaching into the pipeline.</summary>
public interface IIngestionStatus
{
    /// <summary>Events waiting to be written (the ingestion lag).</summary>
    int QueueLength { get; }

    /// <summary>Events written or skipped since start.</summary>
    long Processed { get; }

    /// <summary>Whether the store takes writes now, and why not when it does not.</summary>
    StoreWriteStatus StoreStatus { get; }
}
