using DiscordAnalytics.Core.Ingestion.Writing.Events;

namespace DiscordAnalytics.Core.Ingestion.Writing.Handlers;

/// <summary>Records a complete member list's time: role filters are exact from the guild's first one on.</summary>
internal sealed class RoleSnapshotHandler(WriteContext context)
{
    public void Apply(RolesSnapshotted snapshot) => context.Roles.Snapshot(snapshot.Guild, snapshot.At);
}
