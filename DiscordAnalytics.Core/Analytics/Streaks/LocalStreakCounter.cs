using DiscordAnalytics.Core.Analytics.Leaderboard;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics.Streaks;

/// <summary>
/// Daily streaks whose days are the guild's local days. The member days are UTC days, and a UTC day with activity does
/// not say on which of the two local days it touches the activity fell, so this reads what is stored per item with a
/// time: each member's quarter hours with a counted message (present message facts by creation time), a present
/// reaction (by its message's creation time: a reaction counts on its message's day, as everywhere) or voice time on a
/// day they talked with others in that channel (the voice rollups' quarter hours). Every real UTC offset, and every DST
/// change, is a whole number of quarter hours, so each quarter hour lies in one local day.
/// </summary>
internal static class LocalStreakCounter
{
    private const long MsPerDay = 86_400_000;

    /// <summary>True for a zone whose local days are the UTC days: the member days count those exactly and faster.</summary>
    public static bool IsUtc(TimeZoneInfo zone) => zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime;

    /// <summary>
    /// Each member's current and longest streak in <paramref name="zone"/> over every stored day from UTC day
    /// <paramref name="first"/> up to the local day of <paramref name="nowMs"/>: the current streak ends on that local
    /// day, or on the day before when that one has no counted activity yet. Members with no counted day are absent.
    /// </summary>
    public static async Task<Dictionary<long, (int Current, int Longest)>> CountAsync(
        AnalyticsDbContext db, long guild, TimeZoneInfo zone, int first, long nowMs, LeaderboardRules rules, bool bots, CancellationToken cancellationToken)
    {
        var days = new Dictionary<long, HashSet<int>>();
        var localDays = new Dictionary<long, int>();
        void Add(long user, long quarter)
        {
            if (!localDays.TryGetValue(quarter, out var day))
            {
                localDays[quarter] = day = LocalDay(zone, quarter * QuarterHourCounts.QuarterHourMs);
            }

            if (!days.TryGetValue(user, out var set))
            {
                days[user] = set = [];
            }

            set.Add(day);
        }

        var firstId = MessageIdRange.FirstIdAt(DayBucket.StartMs(first));
        if (rules.StreakMessages)
        {
            var posted = await db.MessageFacts.AsNoTracking()
                .Where(m => m.GuildId == guild && m.MessageId >= firstId && m.IsCreated && m.DeletedAt == null && m.AuthorId != null && (bots || !m.IsBot))
                .Select(m => new { User = m.AuthorId!.Value, Quarter = m.CreatedAt / QuarterHourCounts.QuarterHourMs })
                .Distinct()
                .ToListAsync(cancellationToken);
            posted.ForEach(p => Add(p.User, p.Quarter));
        }

        if (rules.StreakReactions)
        {
            // The message's creation time from its id (the id's timestamp bits: id / 2^22 + Discord's epoch).
            var reacted = await db.ReactionFacts.AsNoTracking()
                .Where(r => r.GuildId == guild && r.MessageId >= firstId && r.RemovedAt == null && (bots || !r.IsBot))
                .Select(r => new { User = r.UserId, Quarter = ((r.MessageId / 4_194_304) + Snowflake.DiscordEpochMs) / QuarterHourCounts.QuarterHourMs })
                .Distinct()
                .ToListAsync(cancellationToken);
            reacted.ForEach(r => Add(r.User, r.Quarter));
        }

        if (rules.StreakVoice)
        {
            // The rollups keep talk time per channel and day but voice time per quarter hour only as a whole, so a
            // day's quarter hours in a channel the member talked in count (alone or muted there the same day included).
            var talked = await db.VoiceDays.AsNoTracking()
                .Where(v => v.GuildId == guild && v.Day >= first && v.TalkMs > 0)
                .Select(v => new { v.UserId, v.Day, v.QuarterHourMs })
                .ToListAsync(cancellationToken);
            var ms = new long[QuarterHourCounts.PerDay];
            foreach (var row in talked)
            {
                Array.Clear(ms);
                QuarterHourCounts.AddTo(row.QuarterHourMs, ms);
                for (var i = 0; i < ms.Length; i++)
                {
                    if (ms[i] > 0)
                    {
                        Add(row.UserId, QuarterHourCounts.StartMs(row.Day, i) / QuarterHourCounts.QuarterHourMs);
                    }
                }
            }
        }

        var today = LocalDay(zone, nowMs);
        return days.ToDictionary(d => d.Key, d => Count(d.Value, today));
    }

    /// <summary>The local date of an instant as a day number (days since 1970-01-01 local).</summary>
    public static int LocalDay(TimeZoneInfo zone, long unixMs)
    {
        var offset = (long)zone.GetUtcOffset(DateTimeOffset.FromUnixTimeMilliseconds(unixMs)).TotalMilliseconds;
        return (int)Math.Floor((unixMs + offset) / (double)MsPerDay);
    }

    private static (int Current, int Longest) Count(HashSet<int> days, int today)
    {
        var (last, run, longest) = (int.MinValue, 0, 0);
        foreach (var day in days.Where(d => d <= today).Order())
        {
            run = last == day - 1 ? run + 1 : 1;
            last = day;
            longest = Math.Max(longest, run);
        }

        return (last >= today - 1 ? run : 0, longest);
    }
}
