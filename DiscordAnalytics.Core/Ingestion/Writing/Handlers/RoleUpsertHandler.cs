using DiscordAnalytics.Core.Ingestion.Writing.Events;

namespace DiscordAnalytics.Core.Ingestion.Writing.Handlers;

/// <summary>Stores a role's name, color, position and managed flag (metadata: never counted); an older observation changes nothing.</summary>
internal sealed class RoleUpsertHandler(WriteContext context)
{
    public void Apply(RoleSeen role) => context.Roles.UpsertRole(role.Guild, role.Role, role.Name, role.Details, role.At);
}
