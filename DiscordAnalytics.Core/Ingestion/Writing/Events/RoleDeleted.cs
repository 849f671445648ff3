namespace DiscordAnalytics.Core.Ingestion.Writing.Events;

/// <summary>A role was deleted (<see cref="IngestEventType.RoleDelete"/>).</summary>
internal readonly record struct RoleDeleted(long Guild, long Role, long At)
{
    /// <exception cref="IncompleteEventException">The event did not pass <see cref="IngestEvent.Validate"/>.</exception>
    public static RoleDeleted From(IngestEvent e) =>
        e.RoleId is { } role ? new RoleDeleted((long)e.GuildId, (long)role, e.EventAt) : throw new IncompleteEventException(e);
}
