namespace DiscordAnalytics.Core.Ingestion.Writing.Events;

/// <summary>A role was seen, created or changed (<see cref="IngestEventType.RoleUpsert"/>).</summary>
internal readonly record struct RoleSeen(long Guild, long Role, string Name, RoleDetails Details, long At)
{
    /// <exception cref="IncompleteEventException">The event did not pass <see cref="IngestEvent.Validate"/>.</exception>
    public static RoleSeen From(IngestEvent e) =>
        e.RoleId is { } role && StoredText.Name(e.Name) is { } name
            ? new RoleSeen((long)e.GuildId, (long)role, name, e.Role ?? new RoleDetails(0, 0, false), e.EventAt)
            : throw new IncompleteEventException(e);
}
