using System.Collections.Concurrent;
using System.Data.Common;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics.Joins;

/// <summary>
/// Rows about a guild's joins (the activation card's new members, the invites card's joins) kept in memory per UTC day of
/// the join, each day at the version it was read at (<c>joinDayVersions</c>, stepped by the store's triggers on both
/// tables whoever writes). Before every read the asked days' stored versions are compared (one range read) and only the
/// days that moved on are read again, with their versions, in one read snapshot: a reload after a join or a first post
/// reads that one day, never the window. A day is replaced whole, so a caller holding the previous one finishes with it.
/// </summary>
/// <typeparam name="TRow">What is kept of one row.</typeparam>
/// <param name="rowsSql">Portable SQL selecting the guild's rows (<c>@guild</c>) of days <c>@start</c> to <c>@end</c> (excluded), as ms (<c>@startAt</c>, <c>@endAt</c>).</param>
/// <param name="readRow">One row and the UTC day of its join, from the reader's current record.</param>
internal sealed class KeptJoinDays<TRow>(IDbContextFactory<AnalyticsDbContext> contexts, string rowsSql, Func<DbDataReader, (int Day, TRow Row)> readRow)
{
    private readonly ConcurrentDictionary<long, Guild> _guilds = new();
    private long _daysRead;

    /// <summary>Days read from the store since start (every day of a first read, then only those whose version moved).</summary>
    public long DaysRead => Interlocked.Read(ref _daysRead);

    /// <summary>The rows of days [<paramref name="start"/>, <paramref name="end"/>) as the store holds them now, one array per day (shared: never change them).</summary>
    public async Task<List<TRow[]>> ReadAsync(long guildId, int start, int end, CancellationToken cancellationToken)
    {
        if (start >= end)
        {
            return [];
        }

        var guild = _guilds.GetOrAdd(guildId, _ => new Guild());
        // One reader fills a guild at a time: several cards opened at once read each day once.
        Interlocked.Add(ref _daysRead, await HeldDaysSync.SyncByRunsAsync(
            contexts,
            null,
            guild.Loading,
            db => StoredVersionsAsync(db, guildId, start, end, cancellationToken),
            stored => StaleDays(guild, stored, start, end),
            (db, runStart, runEnd) => LoadAsync(db, guildId, guild, runStart, runEnd, cancellationToken),
            cancellationToken));

        lock (guild.Gate)
        {
            var days = new List<TRow[]>(end - start);
            for (var day = start; day < end; day++)
            {
                days.Add(guild.Days[day].Rows);
            }

            return days;
        }
    }

    private static Task<Dictionary<int, long>> StoredVersionsAsync(AnalyticsDbContext db, long guild, int start, int end, CancellationToken cancellationToken) =>
        db.JoinDayVersions.AsNoTracking()
            .Where(v => v.GuildId == guild && v.Day >= start && v.Day < end)
            .ToDictionaryAsync(v => v.Day, v => v.Version, cancellationToken);

    private static List<int> StaleDays(Guild guild, Dictionary<int, long> stored, int start, int end)
    {
        lock (guild.Gate)
        {
            return DayVersions.Stale(start, end, stored, day => guild.Days.TryGetValue(day, out var held) ? held.Version : null);
        }
    }

    /// <summary>Days [<paramref name="start"/>, <paramref name="end"/>) with their versions in one read snapshot, so a day's rows and its version always agree.</summary>
    private async Task LoadAsync(AnalyticsDbContext db, long guildId, Guild guild, int start, int end, CancellationToken cancellationToken)
    {
        var (versions, rows) = await GuildRowsRead.InSnapshotAsync(
            db, guildId, rowsSql, (c, ct) => StoredVersionsAsync(c, guildId, start, end, ct), readRow, cancellationToken,
            ("@startAt", DayBucket.StartMs(start)), ("@endAt", DayBucket.StartMs(end)));
        var byDay = rows.ToLookup(r => r.Day, r => r.Row);
        lock (guild.Gate)
        {
            for (var day = start; day < end; day++)
            {
                // Never older than what is held: a day read by another caller since is at least as new.
                var version = versions.GetValueOrDefault(day);
                if (!guild.Days.TryGetValue(day, out var held) || held.Version < version)
                {
                    guild.Days[day] = new HeldDay(version, [.. byDay[day]]);
                }
            }
        }
    }

    private sealed record HeldDay(long Version, TRow[] Rows);

    private sealed class Guild
    {
        public object Gate { get; } = new();

        public SemaphoreSlim Loading { get; } = new(1, 1);

        public Dictionary<int, HeldDay> Days { get; } = [];
    }
}
