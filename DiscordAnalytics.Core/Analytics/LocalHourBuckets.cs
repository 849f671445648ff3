using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// Messages of a window per local weekday and hour in the guild's time zone, from the quarter-hour rollups.
/// Each bucket's start instant is converted with <see cref="TimeZoneInfo"/>, so DST changes inside the window
/// and :30/:45 offsets land in the right local hour (every real offset is a whole number of quarter hours).
/// The one place that knows where local-hour numbers come from (heat map and summary <c>hourly</c>).
/// </summary>
internal static class LocalHourBuckets
{
    /// <summary>[weekday (Sunday = 0)][local hour 0-23] message counts, and the zone id used.</summary>
    public static async Task<(long[][] Cells, string TimeZone)> CountAsync(IDbContextFactory<AnalyticsDbContext> contexts, AnalyticsQuery query, CancellationToken cancellationToken)
    {
        var guild = (long)query.GuildId;
        var bots = query.IncludeBots;
        var first = query.Window.StartAt / ChannelQuarterHourRollup.BucketMs;
        var end = query.Window.EndAt / ChannelQuarterHourRollup.BucketMs;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var zoneId = await db.Guilds.Where(g => g.GuildId == guild).Select(g => g.TimeZone).FirstOrDefaultAsync(cancellationToken);
        // A stored id this system does not know (only writable by hand) draws in UTC, and says so.
        var zone = GuildTimeZone.Find(zoneId);
        var reported = zone is null ? "UTC" : zoneId!;
        zone ??= TimeZoneInfo.Utc;
        var buckets = await db.ChannelQuarterHourRollups
            .Where(r => r.GuildId == guild && r.Bucket >= first && r.Bucket < end && (bots || !r.IsBot))
            .GroupBy(r => r.Bucket)
            .Select(g => new { Bucket = g.Key, Messages = g.Sum(r => r.MessageCount) })
            .ToListAsync(cancellationToken);

        var cells = new long[7][];
        for (var day = 0; day < cells.Length; day++)
        {
            cells[day] = new long[24];
        }

        foreach (var b in buckets)
        {
            var local = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(b.Bucket * ChannelQuarterHourRollup.BucketMs), zone);
            cells[(int)local.DayOfWeek][local.Hour] += b.Messages;
        }

        return (cells, reported);
    }
}
