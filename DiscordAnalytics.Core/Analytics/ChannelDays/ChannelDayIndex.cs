using System.Collections.Concurrent;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.ChannelDays;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DiscordAnalytics.Core.Analytics.ChannelDays;

/// <summary>
/// The channel rollups, quarter-hour counts and top-content candidates of each guild and day, summed over the day's
/// channels and kept in memory, so the activity chart, the heat map, the totals and top content read a few numbers per
/// day instead of every channel's rows (500 channels at the large scale) or every reacted message of the window. Exact:
/// before every read the asked days' stored versions (<c>channelDayVersions</c>, raised by the writer in the batch's
/// transaction whenever it changes one of those tables for that day) are compared in one range read, and a day that
/// moved on, or was never read, is read again with its version in one read snapshot. The app's writer tells each commit's
/// changes (<see cref="IChannelDayListener"/>), added to a day held at the version just before: a live event costs
/// its own changes, not a read of its day. A day's quarter hours and leaders are read only for the cards that ask for them
/// (<see cref="ChannelDayParts"/>): a year's counts are ~170k rollup rows, its quarter hours as many blobs, its leaders a
/// pass over every reacted message of the year (~7M at the large scale).
/// </summary>
public sealed class ChannelDayIndex(IDbContextFactory<AnalyticsDbContext> contexts, ILogger<ChannelDayIndex> logger) : IChannelDayListener
{
    private readonly ConcurrentDictionary<long, GuildChannelDays> _guilds = new();

    /// <summary>Days of reacted messages read and ranked at a time when days are read (a week: ~175k rows at the large scale).</summary>
    private const int DaysPerContentRead = 7;

    /// <summary>
    /// A busy day's leaders all score at least this much, so only such messages are read for it (at the large scale ~79% of
    /// a day's ~25k reacted messages score 1: a year's read was ~7M rows, of which ~1.9M can lead).
    /// </summary>
    private const long CandidateScore = 2;

    private long _daysRead;

    /// <summary>How many days were read from the store since start (what a commit applied in memory saves).</summary>
    internal long DaysRead => Interlocked.Read(ref _daysRead);

    public void Committed(IReadOnlyList<ChannelDayCommit> commits) =>
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
            (ex, guildId) => logger.LogError(ex, "Channel days of guild {GuildId} could not take a commit; they are read again from the store", guildId));

    /// <summary>
    /// Brings days <paramref name="start"/> to <paramref name="end"/> (excluded) of the guild up to the store, with their
    /// counts and the <paramref name="parts"/> asked, then runs <paramref name="read"/> on them (a missing day is an empty
    /// one) under the guild's gate. A part not asked may be missing from the days handed out (zeros, no leaders).
    /// </summary>
    internal Task<T> ReadAsync<T>(long guildId, int start, int end, ChannelDayParts parts, Func<Func<int, ChannelDay>, T> read, CancellationToken cancellationToken) =>
        ReadAsync(null, guildId, start, end, parts, read, cancellationToken);

    /// <summary>
    /// As <see cref="ReadAsync{T}(long, int, int, ChannelDayParts, Func{Func{int, ChannelDay}, T}, CancellationToken)"/>, the
    /// versions read through the caller's context <paramref name="db"/> (a card's one context per call; null: a context of its own).
    /// </summary>
    internal async Task<T> ReadAsync<T>(AnalyticsDbContext? db, long guildId, int start, int end, ChannelDayParts parts, Func<Func<int, ChannelDay>, T> read, CancellationToken cancellationToken)
    {
        var guild = _guilds.GetOrAdd(guildId, _ => new GuildChannelDays());
        if (start < end)
        {
            await SyncAsync(db, guildId, guild, start, end, parts, cancellationToken);
        }

        var empty = new ChannelDay(0);
        lock (guild.Gate)
        {
            return read(day => guild.Day(day) ?? empty);
        }
    }

    private Task SyncAsync(AnalyticsDbContext? callers, long guildId, GuildChannelDays guild, int start, int end, ChannelDayParts parts, CancellationToken cancellationToken) =>
        HeldDaysSync.SyncAsync(
            contexts,
            callers,
            guild.Loading,
            db => StoredVersionsAsync(db, guildId, start, end, cancellationToken),
            stored => StaleDays(guild, stored, start, end, parts),
            (db, stale) => LoadAsync(db, guildId, guild, stale[0], stale[^1] + 1, stale.ToHashSet(), parts | HeldParts(guild, stale), cancellationToken),
            cancellationToken);

    private static Task<Dictionary<int, long>> StoredVersionsAsync(AnalyticsDbContext db, long guild, int start, int end, CancellationToken cancellationToken) =>
        db.ChannelDayVersions.AsNoTracking()
            .Where(v => v.GuildId == guild && v.Day >= start && v.Day < end)
            .ToDictionaryAsync(v => v.Day, v => v.Version, cancellationToken);

    /// <summary>The days behind the store, and those held without one of the <paramref name="parts"/> asked.</summary>
    private static List<int> StaleDays(GuildChannelDays guild, Dictionary<int, long> stored, int start, int end, ChannelDayParts parts)
    {
        lock (guild.Gate)
        {
            return DayVersions.Stale(start, end, stored, day => guild.Day(day) is { } held && (held.Parts & parts) == parts ? held.Version : null);
        }
    }

    /// <summary>The parts any of the <paramref name="days"/> holds now: a day read again keeps them.</summary>
    private static ChannelDayParts HeldParts(GuildChannelDays guild, List<int> days)
    {
        lock (guild.Gate)
        {
            return days.Aggregate(ChannelDayParts.Counts, (parts, day) => parts | (guild.Day(day)?.Parts ?? ChannelDayParts.Counts));
        }
    }

    /// <summary>
    /// Reads the <paramref name="stale"/> days between <paramref name="start"/> and <paramref name="end"/> with their versions
    /// in one read snapshot (<see cref="StoreTransactions.BeginReadSnapshotAsync"/>: it never makes the writer wait), so a
    /// day's rows and its version always agree. Plain readers, not EF's materializer: a cold quarter at the large scale is
    /// over a million reacted messages.
    /// </summary>
    private async Task LoadAsync(AnalyticsDbContext db, long guildId, GuildChannelDays guild, int start, int end, HashSet<int> stale, ChannelDayParts parts, CancellationToken cancellationToken)
    {
        var days = await ReadSnapshot.RunAsync(
            db,
            async snapshot =>
            {
                var versions = await StoredVersionsAsync(db, guildId, start, end, cancellationToken);
                var quarterHours = parts.HasFlag(ChannelDayParts.QuarterHours);
                var read = stale.ToDictionary(day => day, day => new ChannelDay(versions.GetValueOrDefault(day)) { HasQuarterHours = quarterHours });

                await using (var counts = ReadSnapshot.DaysCommand(db, snapshot, CountsSql, guildId, start, end))
                await using (var reader = await counts.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        if (read.TryGetValue(reader.GetInt32(0), out var day))
                        {
                            var sums = new DayCounts(reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
                            if (reader.GetBoolean(1))
                            {
                                day.Bots = sums;
                            }
                            else
                            {
                                day.Humans = sums;
                            }
                        }
                    }
                }

                if (quarterHours)
                {
                    await using (var quarters = ReadSnapshot.DaysCommand(db, snapshot, QuarterHoursSql, guildId, start, end))
                    await using (var reader = await quarters.ExecuteReaderAsync(cancellationToken))
                    {
                        while (await reader.ReadAsync(cancellationToken))
                        {
                            if (read.TryGetValue(reader.GetInt32(0), out var day))
                            {
                                QuarterHourCounts.AddTo((byte[])reader.GetValue(2), reader.GetBoolean(1) ? day.BotQuarterHours : day.HumanQuarterHours);
                            }
                        }
                    }
                }

                // A message's day is its snowflake's, so the read are a range of the key (as TopContentQuery reads it). A block
                // of days at a time, each ranked before the next is read: a cold year is ~7M reacted messages, and holding them
                // all until the end took ~400 MiB more at once than one block's.
                var numbers = parts.HasFlag(ChannelDayParts.Leaders) ? read.Keys.Order().ToList() : [];
                for (var first = 0; first < numbers.Count;)
                {
                    var blockEnd = Math.Min(numbers[first] + DaysPerContentRead, end);
                    var block = numbers.Skip(first).TakeWhile(day => day < blockEnd).ToDictionary(day => day, _ => new List<ContentLeader>());
                    // The candidates first (one pass over the block's rows); a day whose candidates do not show that it is cut is
                    // then read whole (a quiet day: few rows).
                    await ReadContentAsync(db, snapshot, guildId, numbers[first], blockEnd, CandidateScore, block, cancellationToken);
                    var whole = block.Where(day => !LeadersAmong(day.Value)).Select(day => day.Key).ToDictionary(day => day, _ => new List<ContentLeader>());
                    if (whole.Count > 0)
                    {
                        await ReadContentAsync(db, snapshot, guildId, whole.Keys.Min(), whole.Keys.Max() + 1, long.MinValue, whole, cancellationToken);
                    }

                    foreach (var (number, candidates) in block)
                    {
                        if (whole.TryGetValue(number, out var reacted))
                        {
                            read[number].Rank(reacted);
                        }
                        else
                        {
                            read[number].RankCut(candidates);
                        }
                    }

                    first += block.Count;
                }

                return read;
            },
            cancellationToken);
        Interlocked.Add(ref _daysRead, days.Count);
        lock (guild.Gate)
        {
            foreach (var (number, day) in days)
            {
                guild.Install(number, day);
            }
        }
    }

    /// <summary>
    /// Whether a day's <paramref name="candidates"/> (its reacted messages scoring <see cref="CandidateScore"/> or more in
    /// either ranking) hold both rankings' first <see cref="ChannelDay.LeadersPerDay"/> of a day that has more reacted
    /// messages than that: more candidates than a day keeps, and at least that many scoring that much in each ranking (every
    /// message outside them scores less in both). It decides from the candidates alone: counting every reacted message of a
    /// year first took ~3 s of a ~4 s read.
    /// </summary>
    private static bool LeadersAmong(List<ContentLeader> candidates) =>
        candidates.Count > ChannelDay.LeadersPerDay
        && candidates.Count(c => c.Score >= CandidateScore) >= ChannelDay.LeadersPerDay
        && candidates.Count(c => c.ScoreWith(bots: true) >= CandidateScore) >= ChannelDay.LeadersPerDay;

    /// <summary>
    /// Reads the reacted messages of days <paramref name="start"/> to <paramref name="end"/> (excluded) that score at least
    /// <paramref name="least"/> in either ranking into those of <paramref name="reacted"/>'s days.
    /// </summary>
    private static async Task ReadContentAsync(
        AnalyticsDbContext db, System.Data.Common.DbTransaction snapshot, long guildId, int start, int end, long least, Dictionary<int, List<ContentLeader>> reacted, CancellationToken cancellationToken)
    {
        await using var content = ContentCommand(db, snapshot, ContentSql, guildId, start, end, least);
        await using var reader = await content.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reacted.TryGetValue(reader.GetInt32(1), out var list))
            {
                list.Add(new ContentLeader(reader.GetInt64(0), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)));
            }
        }
    }

    private static System.Data.Common.DbCommand ContentCommand(
        AnalyticsDbContext db, System.Data.Common.DbTransaction snapshot, string sql, long guildId, int start, int end, long least) =>
        ReadSnapshot.Command(
            db,
            snapshot,
            sql,
            ("@guild", guildId),
            ("@start", start),
            ("@end", end),
            ("@firstId", MessageIdRange.FirstIdAt(DayBucket.StartMs(start))),
            ("@endId", MessageIdRange.FirstIdAt(DayBucket.StartMs(end))),
            ("@least", least));

    // Portable SQL (SQLite and PostgreSQL, whose sum of bigints is a numeric: hence the casts), the raw reads of this class.
    private const string CountsSql = """
        SELECT day, isBot, CAST(sum(messageCount) AS BIGINT), CAST(sum(reactionCount) AS BIGINT), CAST(sum(threadCount) AS BIGINT), CAST(sum(deletedCount) AS BIGINT)
        FROM channelDailyRollups
        WHERE guildId = @guild AND day >= @start AND day < @end
        GROUP BY day, isBot
        """;

    private const string QuarterHoursSql = """
        SELECT day, isBot, messageCounts FROM channelDayQuarterHours
        WHERE guildId = @guild AND day >= @start AND day < @end
        """;

    private const string ContentSql = """
        SELECT messageId, day, channelId, reactionScore, botReactionScore FROM topContentDaily
        WHERE guildId = @guild AND messageId >= @firstId AND messageId < @endId AND day >= @start AND day < @end
            AND (reactionScore >= @least OR reactionScore + botReactionScore >= @least)
        """;
}
