namespace DiscordAnalytics.Core.Ingestion.Writing.Events;

/// <summary>A message was deleted (<see cref="IngestEventType.MessageDelete"/>), in <paramref name="Channel"/> when the delete said where.</summary>
internal readonly record struct MessageDeleted(long Guild, long Message, long? Channel, long At)
{
    /// <exception cref="IncompleteEventException">The event did not pass <see cref="IngestEvent.Validate"/>.</exception>
    public static MessageDeleted From(IngestEvent e) =>
        e.MessageId is { } message
            ? new MessageDeleted((long)e.GuildId, (long)message, (long?)e.ChannelId, e.EventAt)
            : throw new IncompleteEventException(e);
}
