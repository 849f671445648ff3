namespace DiscordAnalytics.Core.Ingestion.Writing.Events;

/// <summary>A full list of the guild's voice states follows, observed at <paramref name="At"/> (<see cref="IngestEventType.VoiceSync"/>).</summary>
internal readonly record struct VoiceSynced(long Guild, long At)
{
    public static VoiceSynced From(IngestEvent e) => new((long)e.GuildId, e.EventAt);
}
