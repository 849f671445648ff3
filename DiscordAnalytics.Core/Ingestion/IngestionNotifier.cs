namespace DiscordAnalytics.Core.Ingestion;

/// <summary>
/// Tells listeners (open dashboard circuits) that a batch committed and which guilds changed. Listeners
/// throttle on their side; this only fans out.
/// </summary>
public sealed class IngestionNotifier
{
    /// <summary>Raised after each committed batch with new events. Handlers must be quick and must not throw.</summary>
    public event Action<IReadOnlyList<ulong>>? BatchCommitted;

    public void Publish(IReadOnlyList<ulong> changedGuilds)
    {
        if (changedGuilds.Count > 0)
        {
            BatchCommitted?.Invoke(changedGuilds);
        }
    }
}
