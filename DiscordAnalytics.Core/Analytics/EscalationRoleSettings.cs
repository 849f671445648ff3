using System.Globalization;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// Which roles of a guild are escalation (moderator) roles: an asker who mentions one escalates their help thread or
/// question (<see cref="SupportSignalsQuery"/>). Chosen from the stored roles; none by default. Stored as
/// <see cref="EscalationRole"/> rows and applied when support signals are read, so a change counts for past windows too.
/// </summary>
public sealed class EscalationRoleSettings(IDbContextFactory<AnalyticsDbContext> contexts)
{
    /// <summary>The guild's roles by name, each with its state (a deleted role only while it is still chosen); null when the guild is unknown.</summary>
    public async Task<IReadOnlyList<EscalationRoleChoice>?> GetAsync(long guildId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Guilds.AnyAsync(g => g.GuildId == guildId, cancellationToken))
        {
            return null;
        }

        var chosen = (await db.Set<EscalationRole>().Where(r => r.GuildId == guildId).Select(r => r.RoleId).ToListAsync(cancellationToken)).ToHashSet();
        var roles = await db.Roles
            .Where(r => r.GuildId == guildId)
            .Select(r => new { r.RoleId, r.Name, r.Deleted })
            .ToListAsync(cancellationToken);
        return [.. roles
            .Where(r => !r.Deleted || chosen.Contains(r.RoleId))
            .Select(r => new EscalationRoleChoice(r.RoleId.ToString(CultureInfo.InvariantCulture), Names.OrId(r.Name, r.RoleId), chosen.Contains(r.RoleId)))
            .OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.RoleId, StringComparer.Ordinal)];
    }

    /// <summary>Makes exactly <paramref name="roleIds"/> the guild's escalation roles (an empty set: none).</summary>
    public async Task<EscalationRolesUpdate> SetAsync(long guildId, IReadOnlyCollection<long> roleIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Guilds.AnyAsync(g => g.GuildId == guildId, cancellationToken))
        {
            return EscalationRolesUpdate.GuildNotFound;
        }

        var known = (await db.Roles.Where(r => r.GuildId == guildId && !r.Deleted).Select(r => r.RoleId).ToListAsync(cancellationToken)).ToHashSet();
        if (!roleIds.All(known.Contains))
        {
            return EscalationRolesUpdate.UnknownRole;
        }

        await db.Set<EscalationRole>().Where(r => r.GuildId == guildId).ExecuteDeleteAsync(cancellationToken);
        db.AddRange(roleIds.Distinct().Select(id => new EscalationRole { GuildId = guildId, RoleId = id }));
        await db.SaveChangesAsync(cancellationToken);
        return EscalationRolesUpdate.Saved;
    }
}
