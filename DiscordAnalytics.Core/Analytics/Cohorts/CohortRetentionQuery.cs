using System.Globalization;
using DiscordAnalytics.Core.Analytics.MemberDays;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics.Cohorts;

/// <summary>
/// Join-cohort retention (<see cref="RetentionTable"/>):
/// <list type="bullet">
/// <item>Weeks are calendar weeks starting on Monday in the guild's time zone. The cohorts are the <c>weeks</c> whole
/// weeks before the current one; a member belongs to the week their latest join (<c>members.joinedAt</c>, the one the
/// store keeps, as for activation) falls in, by its local date. A member who left since still belongs (leaving is what
/// retention measures); bots only with IncludeBots; hidden members count; forgotten members have no row, so they are in
/// no cohort.</item>
/// <item>A member is active in a following week when they were active (posted, reacted or talked with others in voice,
/// as engagement counts it) on one of its days. Activity is known per UTC day (the member days), so a following week
/// holds the seven UTC days whose dates are its Monday to Sunday.</item>
/// <item>Week k of a cohort is the k-th week after its join week, up to the current week (not complete yet).</item>
/// </list>
/// Read from the member rows of the cohorts' joins and the member days in memory (<see cref="MemberDayIndex"/>), never
/// from message or reaction facts.
/// </summary>
public sealed class CohortRetentionQuery(IDbContextFactory<AnalyticsDbContext> contexts, MemberDayIndex memberDays, TimeProvider time)
{
    public const int MaxWeeks = 12;

    public const int DefaultWeeks = 12;

    public const string WeekStartsOn = "Monday";

    private const int DaysPerWeek = 7;

    /// <summary>Reads the <c>weeks</c> query parameter: absent means <see cref="DefaultWeeks"/>, else a whole number 1..<see cref="MaxWeeks"/>.</summary>
    public static bool TryParseWeeks(string? text, out int weeks, out QueryParameterError? error)
    {
        (weeks, error) = (DefaultWeeks, null);
        if (text is null)
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out weeks) && weeks is >= 1 and <= MaxWeeks)
        {
            return true;
        }

        error = new QueryParameterError("weeks", $"weeks must be a whole number from 1 to {MaxWeeks}.");
        return false;
    }

    /// <summary>The retention of the last <paramref name="weeks"/> cohorts; null when the guild is unknown.</summary>
    public async Task<RetentionTable?> RunAsync(ulong guildId, int weeks, bool includeBots, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weeks, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(weeks, MaxWeeks);
        var guild = (long)guildId;
        List<(long User, long JoinedAt)> joins;
        string zoneId;
        var now = time.GetUtcNow();
        DateOnly first, current;
        TimeZoneInfo zone;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Guilds.Where(g => g.GuildId == guild).Select(g => g.TimeZone).FirstOrDefaultAsync(cancellationToken) is not { } stored)
            {
                return null;
            }

            var found = IanaTimeZones.Find(stored);
            (zone, zoneId) = found is null ? (TimeZoneInfo.Utc, "UTC") : (found, stored);
            current = WeekStart(LocalDate(now.ToUnixTimeMilliseconds(), zone));
            first = current.AddDays(-DaysPerWeek * weeks);

            // A day either side of the local weeks' UTC span covers every offset (at most 14 hours); the local date decides.
            var (from, to) = (DayBucket.StartMs(DayBucket.FromDate(first) - 1), DayBucket.StartMs(DayBucket.FromDate(current) + 1));
            joins = [.. (await db.Members.AsNoTracking()
                    .Where(m => m.GuildId == guild && m.JoinedAt >= from && m.JoinedAt < to && (includeBots || !m.IsBot))
                    .Select(m => new { m.UserId, JoinedAt = m.JoinedAt!.Value })
                    .ToListAsync(cancellationToken))
                .Select(m => (m.UserId, m.JoinedAt))];
        }

        var cohortOf = new List<(long User, int Cohort)>(joins.Count);
        foreach (var (user, joinedAt) in joins)
        {
            var days = LocalDate(joinedAt, zone).DayNumber - first.DayNumber;
            if (days >= 0 && days < DaysPerWeek * weeks)
            {
                cohortOf.Add((user, days / DaysPerWeek));
            }
        }

        // Following weeks run from the first cohort's next week to the end of the current one, but no day after today (UTC).
        var start = DayBucket.FromDate(first.AddDays(DaysPerWeek));
        var end = Math.Min(DayBucket.FromDate(current.AddDays(DaysPerWeek)), DayBucket.FromUnixMs(now.ToUnixTimeMilliseconds()) + 1);
        var activeWeeks = cohortOf.Count == 0 || start >= end
            ? new int[cohortOf.Count]
            : await memberDays.ReadAsync(guild, start, end, g => ActiveWeeks(g, cohortOf, first, start, end, includeBots), cancellationToken);

        var cohorts = new List<RetentionCohort>(weeks);
        for (var cohort = 0; cohort < weeks; cohort++)
        {
            var members = Enumerable.Range(0, cohortOf.Count).Where(i => cohortOf[i].Cohort == cohort).ToList();
            var cells = new List<RetentionWeek>(weeks - cohort);
            for (var week = 1; cohort + week <= weeks; week++)
            {
                var bit = 1 << (cohort + week);
                long active = members.Count(i => (activeWeeks[i] & bit) != 0);
                cells.Add(new RetentionWeek(week, active, members.Count == 0 ? null : Math.Round((double)active / members.Count, 3), cohort + week < weeks));
            }

            cohorts.Add(new RetentionCohort(first.AddDays(DaysPerWeek * cohort), members.Count, cells));
        }

        return new RetentionTable(guildId.ToString(CultureInfo.InvariantCulture), zoneId, WeekStartsOn, weeks, current, cohorts);
    }

    /// <summary>
    /// For each cohort member (in <paramref name="cohortOf"/>'s order), a bit per week counted from <paramref name="first"/>
    /// (bit w: active on a UTC day dated in week w). Runs under the guild's gate.
    /// </summary>
    private static int[] ActiveWeeks(GuildMemberDays guild, List<(long User, int Cohort)> cohortOf, DateOnly first, int start, int end, bool bots)
    {
        // Dense member index to cohort member + 1 (0: not in a cohort); a member never active has no index at all.
        var slot = new int[guild.MemberCount];
        for (var i = 0; i < cohortOf.Count; i++)
        {
            if (guild.TryIndexOf(cohortOf[i].User, out var member))
            {
                slot[member] = i + 1;
            }
        }

        var weeks = new int[cohortOf.Count];
        for (var day = start; day < end; day++)
        {
            if (guild.Day(day) is not { } held)
            {
                continue;
            }

            var bit = 1 << ((DayBucket.ToDate(day).DayNumber - first.DayNumber) / DaysPerWeek);
            for (var i = 0; i < held.Count; i++)
            {
                var member = held.MemberAt(i);
                if (member < slot.Length && slot[member] > 0 && held.IsActiveAt(i, bots))
                {
                    weeks[slot[member] - 1] |= bit;
                }
            }
        }

        return weeks;
    }

    private static DateOnly LocalDate(long unixMs, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(unixMs), zone).DateTime);

    /// <summary>The Monday on or before <paramref name="date"/>.</summary>
    private static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % DaysPerWeek));
}
