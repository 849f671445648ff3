namespace DiscordAnalytics.Core.Ingestion.Writing.Events;

/// <summary>A chat message was posted (<see cref="IngestEventType.MessageCreate"/>) in <paramref name="Channel"/> as delivered (a thread for a message in a thread); <paramref name="Excerpt"/> as stored.</summary>
internal readonly record struct MessageCreated(long Guild, long Message, long Channel, long Author, bool IsBot, long At, string? Excerpt, long? ReferencedMessage, MessageShape? Shape)
{
    /// <exception cref="IncompleteEventException">The event did not pass <see cref="IngestEvent.Validate"/>.</exception>
    public static MessageCreated From(IngestEvent e) =>
        e is { MessageId: { } message, ChannelId: { } channel, UserId: { } author }
            ? new MessageCreated((long)e.GuildId, (long)message, (long)channel, (long)author, e.IsBot, e.EventAt, StoredText.Excerpt(e.Excerpt), (long?)e.ReferencedMessageId, e.Shape)
            : throw new IncompleteEventException(e);
}
