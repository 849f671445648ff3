namespace DiscordAnalytics.Core.Ingestion.Writing.Events;

/// <summary>A guild's full role list observed at <paramref name="At"/> was upserted (<see cref="IngestEventType.RoleSync"/>).</summary>
internal readonly record struct RolesSynced(long Guild, long At)
{
    public static RolesSynced From(IngestEvent e) => new((long)e.GuildId, e.EventAt);
}
