namespace DiscordAnalytics.Core.Ingestion.Writing.Events;

/// <summary>A channel or thread was created or changed (<see cref="IngestEventType.ChannelUpsert"/>); its name empty when the event did not carry one.</summary>
internal readonly record struct ChannelSeen(long Guild, long Channel, string Name, int Type, long? Parent)
{
    /// <exception cref="IncompleteEventException">The event did not pass <see cref="IngestEvent.Validate"/>.</exception>
    public static ChannelSeen From(IngestEvent e) =>
        e.ChannelId is { } channel
            ? new ChannelSeen((long)e.GuildId, (long)channel, StoredText.Name(e.Name) ?? string.Empty, e.ChannelType ?? 0, (long?)e.ParentId)
            : throw new IncompleteEventException(e);
}
