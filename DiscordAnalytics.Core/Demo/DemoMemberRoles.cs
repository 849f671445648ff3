using System.Collections.Concurrent;
using DiscordAnalytics.Core.Loops.ActivityRoles;

namespace DiscordAnalytics.Core.Demo;

/// <summary>
/// The demo community's member roles, in memory: where the activity roles go when there is no Discord. Every change
/// is recorded as simulated; nothing here touches a network. Every demo member is a member (the simulated guild has
/// no departures to ask Discord about).
/// </summary>
public sealed class DemoMemberRoles : IMemberRoleActions
{
    private readonly ConcurrentDictionary<(ulong Guild, ulong User), ConcurrentDictionary<ulong, byte>> _roles = new();

    public RoleChangeResult Done => RoleChangeResult.Simulated;

    /// <summary>The roles the demo member holds now.</summary>
    public IReadOnlyCollection<ulong> RolesOf(ulong guildId, ulong userId) =>
        _roles.TryGetValue((guildId, userId), out var roles) ? [.. roles.Keys] : [];

    public Task<bool?> HoldsRoleAsync(ulong guildId, ulong userId, ulong roleId, CancellationToken cancellationToken) =>
        Task.FromResult<bool?>(RolesOf(guildId, userId).Contains(roleId));

    public Task AddRoleAsync(ulong guildId, ulong userId, ulong roleId, string reason, CancellationToken cancellationToken)
    {
        _roles.GetOrAdd((guildId, userId), _ => new ConcurrentDictionary<ulong, byte>())[roleId] = 0;
        return Task.CompletedTask;
    }

    public Task RemoveRoleAsync(ulong guildId, ulong userId, ulong roleId, string reason, CancellationToken cancellationToken)
    {
        if (_roles.TryGetValue((guildId, userId), out var roles))
        {
            roles.TryRemove(roleId, out _);
        }

        return Task.CompletedTask;
    }
}
