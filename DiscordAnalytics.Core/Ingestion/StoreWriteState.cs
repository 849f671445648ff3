namespace DiscordAnalytics.Core.Ingestion;

/// <summary>Whether the ingestion writer can commit to the store.</summary>
public enum StoreWriteState
{
    /// <summary>Batches commit (or the queue is empty).</summary>
    Writing,

    /// <summary>The store refuses writes; the writer holds its batch, takes no more events and retries until it can.</summary>
    StoreUnavailable,
}
