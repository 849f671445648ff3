namespace DiscordAnalytics.Core.Ingestion;

/// <summary>
/// Tells a source how far the store already is for a guild, so a restart continues instead of starting
/// over (the demo fills the gap since its last event; dedupe makes any overlap harmless).
/// </summary>
public interface ILastEventAtReader
{
    /// <summary>The newest stored event time (epoch ms) of the guild, or null when nothing is stored.</summary>
    Task<long?> GetLastEventAtAsync(ulong guildId, CancellationToken cancellationToken);
}
