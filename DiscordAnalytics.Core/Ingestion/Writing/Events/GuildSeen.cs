namespace DiscordAnalytics.Core.Ingestion.Writing.Events;

/// <summary>A guild was seen or renamed (<see cref="IngestEventType.GuildUpsert"/>).</summary>
internal readonly record struct GuildSeen(long Guild, string Name)
{
    /// <exception cref="IncompleteEventException">The event did not pass <see cref="IngestEvent.Validate"/>.</exception>
    public static GuildSeen From(IngestEvent e) =>
        e.Name is { } name
            ? new GuildSeen((long)e.GuildId, StoredText.Name(name))
            : throw new IncompleteEventException(e);
}
