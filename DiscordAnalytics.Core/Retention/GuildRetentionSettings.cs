using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Retention;

/// <summary>Sets or clears a guild's own raw-event retention period.</summary>
public sealed class GuildRetentionSettings(IDbContextFactory<AnalyticsDbContext> contexts)
{
    /// <summary>
    /// Gives the guild its own period (<paramref name="days"/>) or, with null, returns it to
    /// Retention:RawEventDays. Returns false when the guild is unknown.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The period is outside <see cref="RetentionLimits"/>.</exception>
    public async Task<bool> SetAsync(long guildId, int? days, CancellationToken cancellationToken)
    {
        if (days is < RetentionLimits.MinDays or > RetentionLimits.MaxDays)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, $"Raw events are kept between {RetentionLimits.MinDays} and {RetentionLimits.MaxDays} days.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (!await db.Guilds.AnyAsync(g => g.GuildId == guildId, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var own = await db.Set<GuildRetention>().SingleOrDefaultAsync(r => r.GuildId == guildId, cancellationToken).ConfigureAwait(false);
        switch (days, own)
        {
            case (null, not null):
                db.Remove(own);
                break;
            case (int value, null):
                db.Add(new GuildRetention { GuildId = guildId, RawEventDays = value });
                break;
            case (int value, not null):
                own.RawEventDays = value;
                break;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
