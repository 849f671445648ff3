using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Ingestion;

/// <summary>Reads a guild's newest stored event time from the guilds table.</summary>
public sealed class LastEventAtReader(IDbContextFactory<AnalyticsDbContext> contexts) : ILastEventAtReader
{
    public async Task<long?> GetLastEventAtAsync(ulong guildId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Guilds.Where(g => g.GuildId == (long)guildId).Select(g => g.LastEventAt).FirstOrDefaultAsync(cancellationToken);
    }
}
