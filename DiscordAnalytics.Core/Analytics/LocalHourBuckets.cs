using DiscordAnalytics.Core.Analytics.ChannelDays;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// Messages of a window per local weekday and hour in the guild's time zone, from the quarter-hour counts summed per day
/// in memory (<see cref="ChannelDayIndex"/>).
/// Each bucket's start instant is converted with <see cref="TimeZoneInfo"/>, so DST changes inside the window
/// and :30/:45 offsets land in the right local hour (every real offset is a whole number of quarter hours).
/// The one place that knows where local-hour numbers come from (heat map and summary <c>hourly</c>).
/// </summary>
internal static class LocalHourBuckets
{
    /// <summary>[weekday (Sunday = 0)][local hour 0-23] message counts, and the zone id used.</summary>
    public static async Task<(long[][] Cells, string TimeZone)> CountAsync(
        IDbContextFactory<AnalyticsDbContext> contexts, ChannelDayIndex channelDays, AnalyticsQuery query, CancellationToken cancellationToken)
    {
        var guild = (long)query.GuildId;
        var bots = query.IncludeBots;
        var first = query.Window.StartAt / QuarterHourCounts.QuarterHourMs;
        var end = query.Window.EndAt / QuarterHourCounts.QuarterHourMs;
        var (firstDay, endDay) = (DayBucket.FromUnixMs(query.Window.StartAt), DayBucket.FromUnixMs(query.Window.EndAt - 1) + 1);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var zoneId = await db.Guilds.Where(g => g.GuildId == guild).Select(g => g.TimeZone).FirstOrDefaultAsync(cancellationToken);
        // A stored id this system does not know (only writable by hand) draws in UTC, and says so.
        var zone = IanaTimeZones.Find(zoneId);
        var reported = zone is null ? "UTC" : zoneId!;
        zone ??= TimeZoneInfo.Utc;
        // Channels are summed per day already: each quarter hour's instant is converted once, not once per channel.
        var days = await channelDays.ReadAsync(
            guild,
            firstDay,
            endDay,
            ChannelDayParts.QuarterHours,
            day => Enumerable.Range(firstDay, endDay - firstDay).ToDictionary(d => d, d => Counts(day(d), bots)),
            cancellationToken);

        return (ToLocalCells(days, zone, first, end), reported);
    }

    /// <summary>A day's quarter-hour counts: humans' (held, never written to), or a new sum with the bots'.</summary>
    private static long[] Counts(ChannelDay day, bool bots)
    {
        if (!bots)
        {
            return day.HumanQuarterHours;
        }

        var sum = (long[])day.HumanQuarterHours.Clone();
        for (var i = 0; i < sum.Length; i++)
        {
            sum[i] += day.BotQuarterHours[i];
        }

        return sum;
    }

    /// <summary>
    /// [weekday (Sunday = 0)][local hour] sums of per-UTC-day quarter-hour values, keeping only quarter hours
    /// <paramref name="first"/> (included) to <paramref name="end"/> (excluded), numbered from the epoch.
    /// </summary>
    public static long[][] ToLocalCells(IReadOnlyDictionary<int, long[]> days, TimeZoneInfo zone, long first, long end)
    {
        var cells = new long[7][];
        for (var day = 0; day < cells.Length; day++)
        {
            cells[day] = new long[24];
        }

        foreach (var (day, counts) in days)
        {
            for (var index = 0; index < counts.Length; index++)
            {
                var startAt = QuarterHourCounts.StartMs(day, index);
                var bucket = startAt / QuarterHourCounts.QuarterHourMs;
                if (counts[index] == 0 || bucket < first || bucket >= end)
                {
                    continue;
                }

                var local = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(startAt), zone);
                cells[(int)local.DayOfWeek][local.Hour] += counts[index];
            }
        }

        return cells;
    }
}
