namespace DiscordAnalytics.Core.Ingestion.Writing.Events;

/// <summary>Whether the guild's invites could be read at <paramref name="At"/> (<see cref="IngestEventType.InvitesStatus"/>).</summary>
internal readonly record struct InvitesStatusSeen(long Guild, string Status, long At)
{
    /// <exception cref="IncompleteEventException">The event did not pass <see cref="IngestEvent.Validate"/>.</exception>
    public static InvitesStatusSeen From(IngestEvent e) =>
        e.InvitesStatus is { } status ? new InvitesStatusSeen((long)e.GuildId, status, e.EventAt) : throw new IncompleteEventException(e);
}
