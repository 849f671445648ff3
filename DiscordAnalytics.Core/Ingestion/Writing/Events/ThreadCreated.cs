using DiscordAnalytics.Core.Discord;
namespace DiscordAnalytics.Core.Ingestion.Writing.Events;

/// <summary>A new thread or forum post (<see cref="IngestEventType.ThreadCreate"/>), started by <paramref name="Owner"/> when known.</summary>
internal readonly record struct ThreadCreated(long Guild, long Thread, string Name, int Type, long? Parent, long? Owner, bool IsBot, long At)
{
    /// <exception cref="IncompleteEventException">The event did not pass <see cref="IngestEvent.Validate"/>.</exception>
    public static ThreadCreated From(IngestEvent e) =>
        e.ChannelId is { } thread
            ? new ThreadCreated((long)e.GuildId, (long)thread, StoredText.Name(e.Name) ?? string.Empty, e.ChannelType ?? ChannelTypes.PublicThread, (long?)e.ParentId, (long?)e.UserId, e.IsBot, e.EventAt)
            : throw new IncompleteEventException(e);
}
