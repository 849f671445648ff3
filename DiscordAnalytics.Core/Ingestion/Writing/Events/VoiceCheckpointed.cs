namespace DiscordAnalytics.Core.Ingestion.Writing.Events;

/// <summary>The guild's open voice sessions are counted up to <paramref name="At"/> (<see cref="IngestEventType.VoiceCheckpoint"/>).</summary>
internal readonly record struct VoiceCheckpointed(long Guild, long At)
{
    public static VoiceCheckpointed From(IngestEvent e) => new((long)e.GuildId, e.EventAt);
}
