namespace DiscordAnalytics.Core.Ingestion.Writing.Events;

/// <summary>A reactor removed an emoji from a message (<see cref="IngestEventType.ReactionRemove"/>) in <paramref name="Channel"/> as delivered.</summary>
internal readonly record struct ReactionRemoved(long Guild, long Message, long Channel, long Reactor, string Emoji, bool IsBot, long At)
{
    /// <exception cref="IncompleteEventException">The event did not pass <see cref="IngestEvent.Validate"/>.</exception>
    public static ReactionRemoved From(IngestEvent e) =>
        e is { MessageId: { } message, ChannelId: { } channel, UserId: { } reactor, Emoji: { } emoji }
            ? new ReactionRemoved((long)e.GuildId, (long)message, (long)channel, (long)reactor, emoji, e.IsBot, e.EventAt)
            : throw new IncompleteEventException(e);
}
