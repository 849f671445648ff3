using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// The guilds we have data for (the guild switcher, <c>GET /api/guilds</c>). Lists the guilds of the
/// running mode only: after an owner moves from the demo to a real bot on the same store file, the
/// simulated guild stays stored but no longer mixes with the real ones (it is still readable by id).
/// </summary>
public sealed class GuildsQuery(IDbContextFactory<AnalyticsDbContext> contexts, IngestionMode mode)
{
    public async Task<IReadOnlyList<GuildInfo>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Guilds.AsNoTracking()
            .Where(g => g.Mode == mode.GuildMode)
            .OrderBy(g => g.Name).ThenBy(g => g.GuildId)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(g => new GuildInfo(g.GuildId.ToString(), NameOrId(g.Name, g.GuildId), g.Mode.StoredName(), g.LastEventAt) { TimeZone = g.TimeZone })];
    }

    public async Task<GuildInfo?> FindAsync(ulong guildId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var g = await db.Guilds.AsNoTracking().FirstOrDefaultAsync(x => x.GuildId == (long)guildId, cancellationToken);
        return g is null ? null : new GuildInfo(g.GuildId.ToString(), NameOrId(g.Name, g.GuildId), g.Mode.StoredName(), g.LastEventAt) { TimeZone = g.TimeZone };
    }

    private static string NameOrId(string name, long id) => string.IsNullOrEmpty(name) ? id.ToString() : name;
}
