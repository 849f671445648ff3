using System.Collections.Concurrent;
using DiscordAnalytics.Core.Analytics.Leaderboard;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics.Streaks;

/// <summary>
/// Local-day streaks without reading a guild's whole history on every call. Streak days are local days, read from what
/// is stored with a time (<see cref="LocalStreakCounter"/>): each member's quarter hours with a present counted message
/// (by creation time), a present reaction (by its message's creation time) or talk time with others in voice (kept per
/// quarter hour, member and channel). Kept here, per guild and bots, for the zone and streak rules in use: each UTC day's (member, local
/// day) pairs with the member-day version (<c>memberDayVersions</c>) they were read at. A call with another zone or other
/// rules (the owner changed them) replaces the guild's set, so only the settings in use are held. Every change that can move a day's pairs steps that
/// version in the writer's transaction (a message created or deleted, a reaction added or removed, voice time, a forget,
/// also when the member's counts sum to nothing), so each call reads the stored versions (one range read) and reads again
/// only the days whose version moved or that are not held, one read per run of consecutive days, in one snapshot with
/// their versions.
/// </summary>
internal sealed class LocalStreakDays(IDbContextFactory<AnalyticsDbContext> contexts)
{
    /// <summary>UTC days read after today's: a clock a little ahead still lands on today's local day, as the full read counts it.</summary>
    private const int DaysAfterToday = 2;

    private readonly ConcurrentDictionary<(long Guild, bool Bots), Held> _held = new();
    private long _daysRead;

    /// <summary>UTC days read from the store since start (every day of a first call, then only those that moved).</summary>
    public long DaysRead => Interlocked.Read(ref _daysRead);

    /// <summary>How many sets are held (one per guild and bots rule at most).</summary>
    public int HeldSets => _held.Count;

    /// <summary>
    /// Each member's current and longest streak in <paramref name="zone"/> over every stored day from UTC day
    /// <paramref name="first"/> up to the local day of <paramref name="nowMs"/> (<see cref="LocalStreakCounter.Count"/>).
    /// Members with no counted day are absent.
    /// </summary>
    public async Task<Dictionary<long, (int Current, int Longest)>> CountAsync(
        long guild, TimeZoneInfo zone, int first, long nowMs, LeaderboardRules rules, bool bots, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(rules);
        var settings = (zone.Id, rules.StreakMessages, rules.StreakReactions, rules.StreakVoice);
        var held = _held.AddOrUpdate((guild, bots), _ => new Held(settings), (_, kept) => kept.Settings == settings ? kept : new Held(settings));
        var end = DayBucket.FromUnixMs(nowMs) + DaysAfterToday + 1;

        // One reader per kept set at a time: the days are read and counted without another call installing under us.
        await held.Gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var stored = await StoredVersionsAsync(db, guild, first, end, cancellationToken);
            var stale = DayVersions.Stale(first, end, stored, day => held.Days.TryGetValue(day, out var kept) ? kept.Version : null);
            foreach (var (runStart, runEnd) in DayVersions.Runs(stale))
            {
                await ReadAsync(db, guild, zone, runStart, runEnd, rules, bots, held, cancellationToken);
                Interlocked.Add(ref _daysRead, runEnd - runStart);
            }

            var days = new Dictionary<long, HashSet<int>>();
            for (var day = first; day < end; day++)
            {
                foreach (var (user, localDay) in held.Days[day].Pairs)
                {
                    if (!days.TryGetValue(user, out var set))
                    {
                        days[user] = set = [];
                    }

                    set.Add(localDay);
                }
            }

            var today = LocalStreakCounter.LocalDay(zone, nowMs);
            return days.ToDictionary(d => d.Key, d => LocalStreakCounter.Count(d.Value, today));
        }
        finally
        {
            held.Gate.Release();
        }
    }

    /// <summary>The guild's stored member-day versions of days <paramref name="start"/> to <paramref name="end"/> (a day missing is at 0).</summary>
    internal static Task<Dictionary<int, long>> StoredVersionsAsync(AnalyticsDbContext db, long guild, int start, int end, CancellationToken cancellationToken) =>
        db.MemberDayVersions.AsNoTracking()
            .Where(v => v.GuildId == guild && v.Day >= start && v.Day < end)
            .ToDictionaryAsync(v => v.Day, v => v.Version, cancellationToken);

    /// <summary>
    /// Reads UTC days <paramref name="start"/> to <paramref name="end"/> (excluded) and their versions in one read snapshot
    /// (<see cref="StoreTransactions.BeginReadSnapshotAsync"/>), so a day's pairs and its version always agree.
    /// </summary>
    private static async Task ReadAsync(
        AnalyticsDbContext db, long guild, TimeZoneInfo zone, int start, int end, LeaderboardRules rules, bool bots, Held held, CancellationToken cancellationToken)
    {
        var pairs = new Dictionary<int, HashSet<(long User, int LocalDay)>>();
        var localDays = new Dictionary<long, int>();
        void Add(int day, long user, long quarter)
        {
            if (!localDays.TryGetValue(quarter, out var localDay))
            {
                localDays[quarter] = localDay = LocalStreakCounter.LocalDay(zone, quarter * QuarterHourCounts.QuarterHourMs);
            }

            if (!pairs.TryGetValue(day, out var set))
            {
                pairs[day] = set = [];
            }

            set.Add((user, localDay));
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var snapshot = await StoreTransactions.BeginReadSnapshotAsync(db, cancellationToken);
            await db.Database.UseTransactionAsync(snapshot, cancellationToken);
            var versions = await StoredVersionsAsync(db, guild, start, end, cancellationToken);
            if (rules.StreakMessages)
            {
                // A fact's day is its create's (the version the writer stepped); its id range is that day's with a margin.
                var (firstId, endId) = MessageIdRange.AroundDays(start, end);
                var posted = await db.MessageFacts.AsNoTracking()
                    .Where(m => m.GuildId == guild && m.MessageId >= firstId && m.MessageId < endId && m.Day >= start && m.Day < end)
                    .Where(m => m.IsCreated && m.DeletedAt == null && m.AuthorId != null && (bots || !m.IsBot))
                    .Select(m => new { m.Day, User = m.AuthorId!.Value, Quarter = m.CreatedAt / QuarterHourCounts.QuarterHourMs })
                    .Distinct()
                    .ToListAsync(cancellationToken);
                posted.ForEach(p => Add(p.Day, p.User, p.Quarter));
            }

            if (rules.StreakReactions)
            {
                // A reaction's day is its message's, from the id: the days' id range holds exactly their reactions.
                var (firstId, endId) = (MessageIdRange.FirstIdAt(DayBucket.StartMs(start)), MessageIdRange.FirstIdAt(DayBucket.StartMs(end)));
                var reacted = await db.ReactionFacts.AsNoTracking()
                    .Where(r => r.GuildId == guild && r.MessageId >= firstId && r.MessageId < endId && r.RemovedAt == null && (bots || !r.IsBot))
                    .Select(r => new { User = r.UserId, Quarter = ((r.MessageId / 4_194_304) + Discord.Snowflake.DiscordEpochMs) / QuarterHourCounts.QuarterHourMs })
                    .Distinct()
                    .ToListAsync(cancellationToken);
                reacted.ForEach(r => Add(DayBucket.FromUnixMs(r.Quarter * QuarterHourCounts.QuarterHourMs), r.User, r.Quarter));
            }

            if (rules.StreakVoice)
            {
                await AddVoiceAsync(db, guild, start, end, Add, cancellationToken);
            }

            await db.Database.UseTransactionAsync(null, cancellationToken);
            for (var day = start; day < end; day++)
            {
                held.Days[day] = (versions.GetValueOrDefault(day), pairs.TryGetValue(day, out var set) ? [.. set] : []);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The quarter hours each member talked with others in (the voice rollups' talk time per quarter hour, per member and
    /// channel), so time alone or muted never counts and each quarter hour falls in one local day. A row written before
    /// talk time was kept per quarter hour has only its voice time as a whole per quarter hour: there every quarter hour
    /// with voice time counts (the approximation those days were counted with).
    /// </summary>
    private static async Task AddVoiceAsync(AnalyticsDbContext db, long guild, int start, int end, Action<int, long, long> add, CancellationToken cancellationToken)
    {
        var talked = await db.VoiceDays.AsNoTracking()
            .Where(v => v.GuildId == guild && v.Day >= start && v.Day < end && v.TalkMs > 0)
            .Select(v => new { v.UserId, v.Day, QuarterHourMs = v.TalkQuarterHourMs.Length > 0 ? v.TalkQuarterHourMs : v.QuarterHourMs })
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
                    add(row.Day, row.UserId, QuarterHourCounts.StartMs(row.Day, i) / QuarterHourCounts.QuarterHourMs);
                }
            }
        }
    }

    /// <summary>One kept set: each UTC day's pairs with the version they were read at, filled under <see cref="Gate"/>, for its settings.</summary>
    private sealed class Held((string Zone, bool Messages, bool Reactions, bool Voice) settings)
    {
        public (string Zone, bool Messages, bool Reactions, bool Voice) Settings { get; } = settings;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public Dictionary<int, (long Version, (long User, int LocalDay)[] Pairs)> Days { get; } = [];
    }
}
