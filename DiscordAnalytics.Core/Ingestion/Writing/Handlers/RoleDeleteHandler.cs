using DiscordAnalytics.Core.Ingestion.Writing.Events;

namespace DiscordAnalytics.Core.Ingestion.Writing.Handlers;

/// <summary>Marks a role deleted (the row stays, so past holdings keep its name) and ends every holding of it.</summary>
internal sealed class RoleDeleteHandler(WriteContext context)
{
    public void Apply(RoleDeleted role) => context.Roles.DeleteRole(role.Guild, role.Role, role.At);
}
