using System.Collections.Concurrent;
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
/// from message or reaction facts. Both are kept between calls: the cohorts' members while the member rows' stored version
/// (<c>memberRowVersions</c>) stands, who was active in which week followed through the member days' flips
/// (<see cref="KeptActiveWeeks"/>), so a reload after a message costs two point reads, the member days' version check and
/// the members it flipped.
/// </summary>
public sealed class CohortRetentionQuery(IDbContextFactory<AnalyticsDbContext> contexts, MemberDayIndex memberDays, TimeProvider time)
{
    /// <summary>The cohorts' members per guild, number of weeks and bots rule, while the member rows' version stands.</summary>
    private readonly ConcurrentDictionary<(long Guild, int Weeks, bool Bots), CohortJoins> _joins = new();

    /// <summary>Who was active in which week, followed through the member days' commits (<see cref="KeptActiveWeeks"/>).</summary>
    private readonly ConcurrentDictionary<(long Guild, int Weeks, bool Bots), KeptActiveWeeks> _weeks = new();
    private long _joinReads;

    /// <summary>How many times cohort members were read from the member rows (what the tests hold the version check to).</summary>
    internal long JoinReads => Interlocked.Read(ref _joinReads);

    /// <summary>How many times every cohort member's days were counted again, not followed through flips.</summary>
    internal long WeekCounts => _weeks.Values.Sum(w => w.Counts);

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
        CohortJoins joins;
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

            // The version first: a join stored after it moves it, so rows read after it are never kept past a change.
            var version = await db.MemberRowVersions.AsNoTracking()
                .Where(v => v.GuildId == guild)
                .Select(v => (long?)v.Version)
                .FirstOrDefaultAsync(cancellationToken) ?? 0;
            var key = (guild, weeks, includeBots);
            if (!_joins.TryGetValue(key, out var kept) || kept.Version != version || kept.ZoneId != zoneId || kept.First != first)
            {
                kept = _joins[key] = await ReadJoinsAsync(db, guild, version, zoneId, zone, first, current, weeks, includeBots, cancellationToken);
                Interlocked.Increment(ref _joinReads);
            }

            joins = kept;
        }

        var cohortOf = joins.CohortOf;

        // Following weeks run from the first cohort's next week to the end of the current one, but no day after today (UTC).
        var start = DayBucket.FromDate(first.AddDays(DaysPerWeek));
        var end = Math.Min(DayBucket.FromDate(current.AddDays(DaysPerWeek)), DayBucket.FromUnixMs(now.ToUnixTimeMilliseconds()) + 1);
        var activeWeeks = cohortOf.Count == 0 || start >= end
            ? new int[cohortOf.Count]
            : await memberDays.ReadAsync(guild, start, end, g => _weeks.GetOrAdd((guild, weeks, includeBots), _ => new KeptActiveWeeks()).Read(g, joins, start, end, includeBots), cancellationToken);

        var cohorts = new List<RetentionCohort>(weeks);
        for (var cohort = 0; cohort < weeks; cohort++)
        {
            var members = joins.Members[cohort];
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

    /// <summary>The cohorts' members from the member rows of joins in the cohorts' weeks (by local date).</summary>
    private static async Task<CohortJoins> ReadJoinsAsync(
        AnalyticsDbContext db, long guild, long version, string zoneId, TimeZoneInfo zone, DateOnly first, DateOnly current, int weeks, bool includeBots, CancellationToken cancellationToken)
    {
        // A day either side of the local weeks' UTC span covers every offset (at most 14 hours); the local date decides.
        var (from, to) = (DayBucket.StartMs(DayBucket.FromDate(first) - 1), DayBucket.StartMs(DayBucket.FromDate(current) + 1));
        var joins = await db.Members.AsNoTracking()
            .Where(m => m.GuildId == guild && m.JoinedAt >= from && m.JoinedAt < to && (includeBots || !m.IsBot))
            .Select(m => new { m.UserId, JoinedAt = m.JoinedAt!.Value })
            .ToListAsync(cancellationToken);
        var cohortOf = new List<(long User, int Cohort)>(joins.Count);
        foreach (var join in joins)
        {
            var days = LocalDate(join.JoinedAt, zone).DayNumber - first.DayNumber;
            if (days >= 0 && days < DaysPerWeek * weeks)
            {
                cohortOf.Add((join.UserId, days / DaysPerWeek));
            }
        }

        return new CohortJoins(version, zoneId, first, cohortOf, weeks);
    }

    private static DateOnly LocalDate(long unixMs, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(unixMs), zone).DateTime);

    /// <summary>The Monday on or before <paramref name="date"/>.</summary>
    private static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % DaysPerWeek));
}
