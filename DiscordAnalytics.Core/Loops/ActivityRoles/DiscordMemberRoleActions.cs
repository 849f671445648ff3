using DiscordAnalytics.Core.Discord.Rest;

namespace DiscordAnalytics.Core.Loops.ActivityRoles;

/// <summary>Role changes through the REST client (its rate-limit buckets, retries and 401 stop).</summary>
public sealed class DiscordMemberRoleActions(DiscordRestClient rest) : IMemberRoleActions
{
    public RoleChangeResult Done => RoleChangeResult.Applied;

    public async Task<bool?> HoldsRoleAsync(ulong guildId, ulong userId, ulong roleId, CancellationToken cancellationToken) =>
        await rest.GetMemberRolesAsync(guildId, userId, cancellationToken) is { } roles ? roles.Contains(roleId) : null;

    public Task AddRoleAsync(ulong guildId, ulong userId, ulong roleId, string reason, CancellationToken cancellationToken) =>
        rest.AddMemberRoleAsync(guildId, userId, roleId, reason, cancellationToken);

    public Task RemoveRoleAsync(ulong guildId, ulong userId, ulong roleId, string reason, CancellationToken cancellationToken) =>
        rest.RemoveMemberRoleAsync(guildId, userId, roleId, reason, cancellationToken);
}
