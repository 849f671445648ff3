namespace DiscordAnalytics.Core.Ingestion.Postgres;

/// <summary>
/// A statement the writer queued without waiting (<see cref="StatementPipeline"/>) changed a different number of rows
/// than the store held when its batch began: another writer changed them meanwhile. The store's, not the event's: the
/// batch rolls back and is written again from what the store holds then (<see cref="StoreFailure"/>).
/// </summary>
public sealed class ConcurrentWriteException : Exception
{
    public ConcurrentWriteException()
    {
    }

    public ConcurrentWriteException(string message)
        : base(message)
    {
    }

    public ConcurrentWriteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal ConcurrentWriteException(int expected, int changed)
        : base($"A statement queued to change {expected} row(s) changed {changed}: another writer changed the same rows.")
    {
    }
}
