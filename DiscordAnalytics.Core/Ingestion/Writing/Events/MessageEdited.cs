namespace DiscordAnalytics.Core.Ingestion.Writing.Events;

/// <summary>A message was edited (<see cref="IngestEventType.MessageUpdate"/>) at <paramref name="EditedAt"/> (the event time when Discord sent no edit time); its excerpt null when the edit carried no content.</summary>
internal readonly record struct MessageEdited(long Guild, long Message, string? Excerpt, long EditedAt, MessageShape? Shape)
{
    /// <exception cref="IncompleteEventException">The event did not pass <see cref="IngestEvent.Validate"/>.</exception>
    public static MessageEdited From(IngestEvent e) =>
        e.MessageId is { } message
            ? new MessageEdited((long)e.GuildId, (long)message, StoredText.Excerpt(e.Excerpt), e.EditedAt ?? e.EventAt, e.Shape)
            : throw new IncompleteEventException(e);
}
