using DiscordAnalytics.Core.Ingestion.Writing.Events;

namespace DiscordAnalytics.Core.Ingestion.Writing.Handlers;

/// <summary>After a full role list: a role it did not name is marked deleted and nobody holds it from then on.</summary>
internal sealed class RoleSyncHandler(WriteContext context)
{
    public void Apply(RolesSynced synced) => context.Roles.DeleteUnlistedRoles(synced.Guild, synced.At);
}
