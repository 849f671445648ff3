namespace DiscordAnalytics.Core.Ingestion.Writing.Events;

/// <summary>All reactions of one emoji were cleared from a message (<see cref="IngestEventType.ReactionRemoveEmoji"/>).</summary>
internal readonly record struct EmojiCleared(long Guild, long Message, string Emoji, long At)
{
    /// <exception cref="IncompleteEventException">The event did not pass <see cref="IngestEvent.Validate"/>.</exception>
    public static EmojiCleared From(IngestEvent e) =>
        e is { MessageId: { } message, Emoji: { } emoji }
            ? new EmojiCleared((long)e.GuildId, (long)message, emoji, e.EventAt)
            : throw new IncompleteEventException(e);
}
