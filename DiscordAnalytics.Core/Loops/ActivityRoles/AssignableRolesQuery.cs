using System.Globalization;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Roles;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Loops.ActivityRoles;

/// <summary>
/// The roles a rule may give, for the Settings picker: the guild's stored roles (name, colour) in Discord's order, without
/// deleted ones, roles an integration or bot manages (Discord refuses to give those) and @everyone (the guild's own id).
/// </summary>
public sealed class AssignableRolesQuery(IDbContextFactory<AnalyticsDbContext> contexts)
{
    public async Task<IReadOnlyList<GuildRole>> RunAsync(long guildId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var roles = await db.Roles.AsNoTracking()
            .Where(r => r.GuildId == guildId && !r.Deleted && !r.Managed && r.RoleId != guildId)
            .OrderByDescending(r => r.Position).ThenBy(r => r.RoleId)
            .Select(r => new { r.RoleId, r.Name, r.Color })
            .ToListAsync(cancellationToken);
        return [.. roles.Select(r => new GuildRole(r.RoleId.ToString(CultureInfo.InvariantCulture), Names.OrId(r.Name, r.RoleId), r.Color))];
    }
}
