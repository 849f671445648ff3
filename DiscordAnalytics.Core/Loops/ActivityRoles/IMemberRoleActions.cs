namespace DiscordAnalytics.Core.Loops.ActivityRoles;

/// <summary>
/// Where role changes go: Discord's REST API in live mode, the demo community's own state in demo mode. Refusals are
/// <see cref="Discord.Rest.DiscordRestException"/>s with Discord's status and error code.
/// </summary>
public interface IMemberRoleActions
{
    /// <summary><see cref="RoleChangeResult.Applied"/> (Discord) or <see cref="RoleChangeResult.Simulated"/> (demo).</summary>
    RoleChangeResult Done { get; }

    /// <summary>Whether the member holds the role now; null when they are not a member.</summary>
    Task<bool?> HoldsRoleAsync(ulong guildId, ulong userId, ulong roleId, CancellationToken cancellationToken);

    Task AddRoleAsync(ulong guildId, ulong userId, ulong roleId, string reason, CancellationToken cancellationToken);

    Task RemoveRoleAsync(ulong guildId, ulong userId, ulong roleId, string reason, CancellationToken cancellationToken);
}
