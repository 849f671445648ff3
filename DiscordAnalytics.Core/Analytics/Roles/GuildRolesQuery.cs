using System.Globalization;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics.Roles;

/// <summary>The roles a role filter can name (deleted ones left out), for the dashboard's role picker.</summary>
public sealed class GuildRolesQuery(IDbContextFactory<AnalyticsDbContext> contexts)
{
    public async Task<GuildRoles> RunAsync(ulong guildId, CancellationToken cancellationToken)
    {
        var guild = (long)guildId;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var roles = await db.Roles.AsNoTracking()
            .Where(r => r.GuildId == guild && !r.Deleted)
            .OrderByDescending(r => r.Position).ThenBy(r => r.RoleId)
            .Select(r => new { r.RoleId, r.Name, r.Color })
            .ToListAsync(cancellationToken);
        var exactFrom = await db.RoleSnapshots.AsNoTracking()
            .Where(s => s.GuildId == guild)
            .Select(s => (long?)s.FirstAt)
            .FirstOrDefaultAsync(cancellationToken);
        return new GuildRoles([.. roles.Select(r => new GuildRole(r.RoleId.ToString(CultureInfo.InvariantCulture), Names.OrId(r.Name, r.RoleId), r.Color))], exactFrom);
    }
}
