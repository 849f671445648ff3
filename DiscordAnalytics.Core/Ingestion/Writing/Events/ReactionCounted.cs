namespace DiscordAnalytics.Core.Ingestion.Writing.Events;

/// <summary>How many reacted with an emoji on a message when a backfill observed it (<see cref="IngestEventType.ReactionCount"/>), in <paramref name="Channel"/> as delivered.</summary>
internal readonly record struct ReactionCounted(long Guild, long Message, long Channel, string Emoji, int Count, long At)
{
    /// <exception cref="IncompleteEventException">The event did not pass <see cref="IngestEvent.Validate"/>.</exception>
    public static ReactionCounted From(IngestEvent e) =>
        e is { MessageId: { } message, ChannelId: { } channel, Emoji: { } emoji, Count: { } count }
            ? new ReactionCounted((long)e.GuildId, (long)message, (long)channel, emoji, count, e.EventAt)
            : throw new IncompleteEventException(e);
}
