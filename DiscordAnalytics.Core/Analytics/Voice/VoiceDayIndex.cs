using System.Collections.Concurrent;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.MemberDays;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DiscordAnalytics.Core.Analytics.Voice;

/// <summary>
/// The voice rollups (<c>voiceDays</c>) in memory, per guild and UTC day, so the Voice card merges held days instead of
/// reading its window's rows on every call. A day is kept at the member-day version (<c>memberDayVersions</c>) it was read
/// at: the writer steps that version in the transaction of every change to the day's voice rows (voice time always comes
/// with its member's voice milliseconds of that day, a forget steps every day of the member's rows), so no table of its
/// own is needed. The writer tells each commit's voice rows with the member days' commits (<see cref="MemberDayCommit.Voice"/>),
/// applied to a day held at the version just before; before every read the asked days' stored versions are compared (one
/// range read) and any day that moved on without us (another writer, a missed commit) is read again, with its version, in
/// one read snapshot. A message steps the version too: its commit, with no voice rows, only steps the held day.
/// </summary>
public sealed class VoiceDayIndex(IDbContextFactory<AnalyticsDbContext> contexts, ILogger<VoiceDayIndex> logger) : IMemberDayListener
{
    private readonly ConcurrentDictionary<long, GuildVoiceDays> _guilds = new();
    private long _daysRead;

    /// <summary>Days read from the store since start (every day of a first read, then only those that moved on without a commit).</summary>
    public long DaysRead => Interlocked.Read(ref _daysRead);

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
            (ex, guildId) => logger.LogError(ex, "Voice days of guild {GuildId} could not take a commit; they are read again from the store", guildId));

    /// <summary>
    /// Brings days <paramref name="start"/> to <paramref name="end"/> (excluded) of the guild up to the store, then runs
    /// <paramref name="read"/> on them under the guild's gate (it must not keep what it is given).
    /// </summary>
    internal async Task<T> ReadAsync<T>(long guildId, int start, int end, Func<GuildVoiceDays, T> read, CancellationToken cancellationToken)
    {
        var guild = _guilds.GetOrAdd(guildId, _ => new GuildVoiceDays());
        if (start < end)
        {
            await SyncAsync(guildId, guild, start, end, cancellationToken);
        }

        lock (guild.Gate)
        {
            return read(guild);
        }
    }

    // One reader fills a guild at a time: a cold start with several windows asked reads each day once.
    private async Task SyncAsync(long guildId, GuildVoiceDays guild, int start, int end, CancellationToken cancellationToken) =>
        Interlocked.Add(ref _daysRead, await HeldDaysSync.SyncByRunsAsync(
            contexts,
            null,
            guild.Loading,
            db => StoredVersionsAsync(db, guildId, start, end, cancellationToken),
            stored => StaleDays(guild, stored, start, end),
            (db, runStart, runEnd) => LoadAsync(db, guildId, guild, runStart, runEnd, cancellationToken),
            cancellationToken));

    private static Task<Dictionary<int, long>> StoredVersionsAsync(AnalyticsDbContext db, long guild, int start, int end, CancellationToken cancellationToken) =>
        db.MemberDayVersions.AsNoTracking()
            .Where(v => v.GuildId == guild && v.Day >= start && v.Day < end)
            .ToDictionaryAsync(v => v.Day, v => v.Version, cancellationToken);

    private static List<int> StaleDays(GuildVoiceDays guild, Dictionary<int, long> stored, int start, int end)
    {
        lock (guild.Gate)
        {
            return DayVersions.Stale(start, end, stored, day => guild.Day(day)?.Version);
        }
    }

    /// <summary>
    /// Reads days <paramref name="start"/> to <paramref name="end"/> with their versions in one read snapshot (<see cref="StoreTransactions.BeginReadSnapshotAsync"/>),
    /// so a day's rows and its version always agree; each day is installed as soon as it is read.
    /// </summary>
    private static Task LoadAsync(AnalyticsDbContext db, long guildId, GuildVoiceDays guild, int start, int end, CancellationToken cancellationToken) =>
        ReadSnapshot.RunAsync(
            db,
            async snapshot =>
            {
                var versions = await StoredVersionsAsync(db, guildId, start, end, cancellationToken);
                await using var command = ReadSnapshot.DaysCommand(db, snapshot, RowsSql, guildId, start, end);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var day = start;
                var read = new HeldVoiceDay(versions.GetValueOrDefault(day));
                var quarters = new long[QuarterHourCounts.PerDay];
                while (await reader.ReadAsync(cancellationToken))
                {
                    var rowDay = reader.GetInt32(0);
                    for (; day < rowDay; day++)
                    {
                        Install(guild, day, read);
                        read = new HeldVoiceDay(versions.GetValueOrDefault(day + 1));
                    }

                    Array.Clear(quarters);
                    QuarterHourCounts.AddTo((byte[])reader.GetValue(6), quarters);
                    read.Append(reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), quarters);
                }

                for (; day < end; day++)
                {
                    Install(guild, day, read);
                    read = new HeldVoiceDay(versions.GetValueOrDefault(day + 1));
                }

                return true;
            },
            cancellationToken);

    /// <summary>A guild's voice rows of a range of days in day order (portable SQL; the one raw read of this class).</summary>
    private const string RowsSql = """
        SELECT day, channelId, userId, talkMs, mutedMs, aloneMs, quarterHourMs
        FROM voiceDays
        WHERE guildId = @guild AND day >= @start AND day < @end
        ORDER BY day
        """;

    private static void Install(GuildVoiceDays guild, int day, HeldVoiceDay read)
    {
        read.Trim();
        lock (guild.Gate)
        {
            guild.Install(day, read);
        }
    }
}
