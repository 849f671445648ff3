namespace DiscordAnalytics.Core.Ingestion.Writing.Events;

/// <summary>All reactions were cleared from a message (<see cref="IngestEventType.ReactionRemoveAll"/>).</summary>
internal readonly record struct ReactionsCleared(long Guild, long Message, long At)
{
    /// <exception cref="IncompleteEventException">The event did not pass <see cref="IngestEvent.Validate"/>.</exception>
    public static ReactionsCleared From(IngestEvent e) =>
        e.MessageId is { } message
            ? new ReactionsCleared((long)e.GuildId, (long)message, e.EventAt)
            : throw new IncompleteEventException(e);
}
