namespace DiscordAnalytics.Core.Ingestion.Writing.Events;

/// <summary>A complete member list with roles ended (<see cref="IngestEventType.RoleSnapshot"/>).</summary>
internal readonly record struct RolesSnapshotted(long Guild, long At)
{
    public static RolesSnapshotted From(IngestEvent e) => new((long)e.GuildId, e.EventAt);
}
