namespace DiscordAnalytics.Core.Ingestion.Writing.Events;

/// <summary>A member's voice state (<see cref="IngestEventType.VoiceState"/>): <paramref name="Channel"/> 0 when not in voice.</summary>
internal readonly record struct VoiceObserved(long Guild, long User, long Channel, bool Muted, bool IsBot, long At)
{
    /// <exception cref="IncompleteEventException">The event did not pass <see cref="IngestEvent.Validate"/>.</exception>
    public static VoiceObserved From(IngestEvent e) =>
        e.UserId is { } user
            ? new VoiceObserved((long)e.GuildId, (long)user, (long)(e.ChannelId ?? 0), e.Muted == true, e.IsBot, e.EventAt)
            : throw new IncompleteEventException(e);
}
