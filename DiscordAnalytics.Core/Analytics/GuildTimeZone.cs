using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// The guild's display time zone (<c>guilds.timeZone</c>, an IANA id, default UTC): the zone the heat map and
/// the summary's hourly numbers are drawn in. Day buckets and windows stay UTC.
/// </summary>
public sealed class GuildTimeZone(IDbContextFactory<AnalyticsDbContext> contexts)
{
    /// <summary>The guild's zone id; null when the guild is unknown.</summary>
    public async Task<string?> GetAsync(long guildId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Guilds.Where(g => g.GuildId == guildId).Select(g => g.TimeZone).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Stores <paramref name="zoneId"/> as the guild's zone, in the system's spelling, when it is an IANA id the system knows (any letter case).</summary>
    public async Task<TimeZoneUpdate> SetAsync(long guildId, string? zoneId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Guilds.AnyAsync(g => g.GuildId == guildId, cancellationToken))
        {
            return TimeZoneUpdate.GuildNotFound;
        }

        if (IanaTimeZones.Canonical(zoneId) is not { } canonical)
        {
            return TimeZoneUpdate.InvalidZone;
        }

        await db.Guilds.Where(g => g.GuildId == guildId)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.TimeZone, canonical), cancellationToken);
        return TimeZoneUpdate.Saved;
    }
}
