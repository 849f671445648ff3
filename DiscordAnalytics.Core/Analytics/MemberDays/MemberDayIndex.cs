using System.Collections.Concurrent;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.MemberDays;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DiscordAnalytics.Core.Analytics.MemberDays;

/// <summary>
/// The member rollups in memory, so member cards never group millions of member-days in SQL: each guild's days are
/// read once (on first use) and then kept equal to the store. The writer tells each commit's changes
/// (<see cref="IMemberDayListener"/>), applied to a day held at the version just before; before every read the days
/// of the asked range are compared with their stored versions (<c>memberDayVersions</c>, one range read) and any day
/// that moved on without us (another writer, a missed commit) is read again. Closed ranges are summed once and reused
/// until one of their days changes (<see cref="GuildMemberDays"/>).
/// </summary>
public sealed class MemberDayIndex(IDbContextFactory<AnalyticsDbContext> contexts, ILogger<MemberDayIndex> logger) : IMemberDayListener
{
    private readonly ConcurrentDictionary<long, GuildMemberDays> _guilds = new();

    public void Committed(IReadOnlyList<MemberDayCommit> commits) =>
        DayVersions.Commit(
            _guilds,
            commits,
            commit => commit.Guild,
            (guild, commit) =>
            {
                lock (guild.Gate)
                {
                    guild.Apply(commit);
                }
            },
            (ex, guildId) => logger.LogError(ex, "Member days of guild {GuildId} could not take a commit; they are read again from the store", guildId));

    /// <summary>
    /// Brings days <paramref name="start"/> to <paramref name="end"/> (excluded) of the guild up to the store, then runs
    /// <paramref name="read"/> on them under the guild's gate (it must not keep what it is given).
    /// </summary>
    internal Task<T> ReadAsync<T>(long guildId, int start, int end, Func<GuildMemberDays, T> read, CancellationToken cancellationToken) =>
        ReadAsync(null, guildId, start, end, read, cancellationToken);

    /// <summary>
    /// As <see cref="ReadAsync{T}(long, int, int, Func{GuildMemberDays, T}, CancellationToken)"/>, the versions read through
    /// the caller's context <paramref name="db"/> (a card's one context per call; null: a context of its own).
    /// </summary>
    internal async Task<T> ReadAsync<T>(AnalyticsDbContext? db, long guildId, int start, int end, Func<GuildMemberDays, T> read, CancellationToken cancellationToken)
    {
        var guild = _guilds.GetOrAdd(guildId, _ => new GuildMemberDays());
        if (start < end)
        {
            await SyncAsync(db, guildId, guild, start, end, cancellationToken);
        }

        lock (guild.Gate)
        {
            return read(guild);
        }
    }

    // One reader fills a guild at a time: a cold start with many cards open reads the year once, not once per card.
    private Task SyncAsync(AnalyticsDbContext? callers, long guildId, GuildMemberDays guild, int start, int end, CancellationToken cancellationToken) =>
        HeldDaysSync.SyncByRunsAsync(
            contexts,
            callers,
            guild.Loading,
            db => StoredVersionsAsync(db, guildId, start, end, cancellationToken),
            stored => StaleDays(guild, stored, start, end),
            (db, runStart, runEnd) => LoadAsync(db, guildId, guild, runStart, runEnd, cancellationToken),
            cancellationToken);

    private static Task<Dictionary<int, long>> StoredVersionsAsync(AnalyticsDbContext db, long guild, int start, int end, CancellationToken cancellationToken) =>
        db.MemberDayVersions.AsNoTracking()
            .Where(v => v.GuildId == guild && v.Day >= start && v.Day < end)
            .ToDictionaryAsync(v => v.Day, v => v.Version, cancellationToken);

    private static List<int> StaleDays(GuildMemberDays guild, Dictionary<int, long> stored, int start, int end)
    {
        lock (guild.Gate)
        {
            return DayVersions.Stale(start, end, stored, day => guild.Day(day)?.Version);
        }
    }

    /// <summary>
    /// Reads days <paramref name="start"/> to <paramref name="end"/> with their versions in one read snapshot (<see cref="StoreTransactions.BeginReadSnapshotAsync"/>:
    /// it never makes the writer wait), so a day's rows and its version always agree; each day is installed as soon as it is read.
    /// </summary>
    private static Task LoadAsync(AnalyticsDbContext db, long guildId, GuildMemberDays guild, int start, int end, CancellationToken cancellationToken) =>
        ReadSnapshot.RunAsync(
            db,
            async snapshot =>
            {
                var versions = await StoredVersionsAsync(db, guildId, start, end, cancellationToken);
                await using var command = ReadSnapshot.DaysCommand(db, snapshot, RowsSql, guildId, start, end);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var (day, users) = (start, new List<(long User, bool IsBot, long Messages, long Reactions, long Threads, bool Talked)>());
                while (await reader.ReadAsync(cancellationToken))
                {
                    var rowDay = reader.GetInt32(0);
                    for (; day < rowDay; day++)
                    {
                        Install(guild, day, versions.GetValueOrDefault(day), users);
                    }

                    users.Add((reader.GetInt64(1), reader.GetBoolean(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6) > 0));
                }

                for (; day < end; day++)
                {
                    Install(guild, day, versions.GetValueOrDefault(day), users);
                }

                return true;
            },
            cancellationToken);

    /// <summary>A guild's member rollups of a range of days in key order (portable SQL; the one raw read of this class).</summary>
    private const string RowsSql = """
        SELECT day, userId, isBot, messagesSent, reactionsAdded, threadsStarted, talkMs
        FROM memberDailyRollups
        WHERE guildId = @guild AND day >= @start AND day < @end
        ORDER BY day, userId
        """;

    private static void Install(GuildMemberDays guild, int day, long version, List<(long User, bool IsBot, long Messages, long Reactions, long Threads, bool Talked)> users)
    {
        var read = new MemberDay(version);
        lock (guild.Gate)
        {
            foreach (var (user, isBot, messages, reactions, threads, talked) in users)
            {
                read.Append(guild.IndexOf(user), isBot, messages, reactions, threads, talked);
            }

            read.Trim();
            guild.Install(day, read);
        }

        users.Clear();
    }
}
