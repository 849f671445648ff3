namespace DiscordAnalytics.Core.Ingestion.Writing.Events;

/// <summary>A reactor added an emoji to a message (<see cref="IngestEventType.ReactionAdd"/>) in <paramref name="Channel"/> as delivered.</summary>
internal readonly record struct ReactionAdded(long Guild, long Message, long Channel, long Reactor, string Emoji, bool IsBot, long At)
{
    /// <exception cref="IncompleteEventException">The event did not pass <see cref="IngestEvent.Validate"/>.</exception>
    public static ReactionAdded From(IngestEvent e) =>
        e is { MessageId: { } message, ChannelId: { } channel, UserId: { } reactor, Emoji: { } emoji }
            ? new ReactionAdded((long)e.GuildId, (long)message, (long)channel, (long)reactor, emoji, e.IsBot, e.EventAt)
            : throw new IncompleteEventException(e);
}
