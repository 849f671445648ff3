using System.Collections.Concurrent;
using System.Globalization;
using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// The keyword counts of a window (<see cref="KeywordDays"/>' rules) from each day's top terms held in memory, so a
/// reload after one new message reads that message, not the window or its day.
/// <list type="bullet">
/// <item><b>Exact, always.</b> Each held day carries the keyword version it was counted at (<see cref="KeywordDayVersion"/>,
/// raised by the ingestion writer in the batch's transaction whenever a human message of the day is created, edited,
/// deleted or forgotten) and the hidden members it was counted for. Every read compares the window's stored versions
/// (one range read) and the hidden members, in one read snapshot with whatever it then reads.</item>
/// <item><b>Work proportional to what changed.</b> A day whose version did not move is reused as it is. A recent day
/// (today and yesterday, where live messages land) keeps every term's count: when it moved on by new messages only
/// (newer than all of its others, <see cref="KeywordDayVersion.RewrittenAt"/>), just those are read and added. A recent
/// day that moved on otherwise, or was never held, is counted from its excerpts, even when the filler has stored it (so
/// a late message to yesterday after a restart adds itself, not a count of the whole day). Any other day that moved on,
/// or was never held, is read from its stored row (the filler's) or, without one, counted from its excerpts.</item>
/// <item>A window's counts are kept summed (<see cref="KeptKeywordWindow"/>): a call adds and takes out the top terms of the
/// days that changed only.</item>
/// <item>Reading never writes to the store: the stored rows stay the filler's (<see cref="KeywordDayFiller"/>).</item>
/// </list>
/// </summary>
public sealed class KeywordDayCache(IDbContextFactory<AnalyticsDbContext> contexts, TimeProvider time)
{
    /// <summary>How many days back from today keep every term's count (the days new messages arrive on).</summary>
    public const int RecentDays = 2;

    private readonly ConcurrentDictionary<long, GuildDays> _guilds = new();

    /// <summary>How many messages of days [<paramref name="start"/>, <paramref name="end"/>) hold each term (stop words left out).</summary>
    public async Task<Dictionary<string, long>> CountsAsync(long guild, int start, int end, CancellationToken cancellationToken)
    {
        if (start >= end)
        {
            return new Dictionary<string, long>(StringComparer.Ordinal);
        }

        var days = _guilds.GetOrAdd(guild, _ => new GuildDays());
        // One reader per guild at a time: a day is counted once, and the held days are changed in place.
        await days.Lock.WaitAsync(cancellationToken);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                // A read snapshot that takes no write lock, so the writer and the filler never wait for a query.
                await using var snapshot = await StoreTransactions.BeginReadSnapshotAsync(db, cancellationToken);
                await db.Database.UseTransactionAsync(snapshot, cancellationToken);
                await RefreshAsync(db, guild, days.Held, start, end, cancellationToken);
                await snapshot.CommitAsync(cancellationToken);
                await db.Database.UseTransactionAsync(null, cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }

            return days.Window(start, end).Counts();
        }
        finally
        {
            days.Lock.Release();
        }
    }

    /// <summary>Brings every day of [start, end) in <paramref name="held"/> to its stored version (inside the caller's snapshot).</summary>
    private async Task RefreshAsync(AnalyticsDbContext db, long guild, Dictionary<int, KeywordDayEntry> held, int start, int end, CancellationToken cancellationToken)
    {
        var visible = await VisibleMembers.LoadAsync(db, guild, cancellationToken);
        var optedOut = string.Join(',', visible.OptedOutIds().Select(id => long.Parse(id, CultureInfo.InvariantCulture)).Order());
        var versions = await db.KeywordDayVersions.AsNoTracking()
            .Where(v => v.GuildId == guild && v.Day >= start && v.Day < end)
            .ToDictionaryAsync(v => v.Day, cancellationToken);
        var recentFrom = DayBucket.FromUnixMs(time.GetUtcNow().ToUnixTimeMilliseconds()) - (RecentDays - 1);
        var missing = new List<int>();
        for (var day = start; day < end; day++)
        {
            var stored = versions.GetValueOrDefault(day);
            var (version, rewrittenAt, lastMessageId) = stored is null ? (0L, 0L, 0L) : (stored.Version, stored.RewrittenAt, stored.LastMessageId);
            if (held.GetValueOrDefault(day) is not { } entry || entry.OptedOut != optedOut)
            {
                missing.Add(day);
            }
            else if (entry.Version == version)
            {
                if (entry.All is not null && day < recentFrom)
                {
                    held[day] = entry with { All = null };
                }
            }
            else if (entry.All is { } all && rewrittenAt <= entry.Version)
            {
                // Only new messages since the held copy, each newer than anything it counted.
                var added = await ExcerptsAsync(db, guild, visible, day, entry.LastMessageId + 1, cancellationToken);
                foreach (var (term, count) in Keywords.Count(added))
                {
                    all[term] = all.GetValueOrDefault(term) + count;
                }

                held[day] = entry with { Version = version, LastMessageId = lastMessageId, Top = Keywords.Top(all, KeywordDays.TermsPerDay) };
            }
            else
            {
                missing.Add(day);
            }
        }

        if (missing.Count == 0)
        {
            return;
        }

        var (first, last) = (missing[0], missing[^1]);
        var rows = await db.KeywordDays.AsNoTracking()
            .Where(k => k.GuildId == guild && k.Day >= first && k.Day <= last)
            .ToDictionaryAsync(k => k.Day, k => k.Terms, cancellationToken);
        var toCount = new List<int>();
        foreach (var day in missing)
        {
            var stored = versions.GetValueOrDefault(day);
            // A recent day is counted from its excerpts even when it has a stored row (yesterday, once the filler has
            // been): only every term's count lets the next new message be added instead of the day counted again.
            if (day < recentFrom && rows.TryGetValue(day, out var terms))
            {
                held[day] = new KeywordDayEntry(stored?.Version ?? 0, stored?.LastMessageId ?? 0, optedOut, KeywordDayTerms.Read(terms), All: null);
            }
            else
            {
                toCount.Add(day);
            }
        }

        foreach (var run in KeywordDays.Runs(toCount, KeywordDays.DaysPerFill))
        {
            var counted = await KeywordDays.CountAllAsync(db, guild, visible, run[0], run[^1] + 1, cancellationToken);
            foreach (var day in run)
            {
                var stored = versions.GetValueOrDefault(day);
                var all = counted.GetValueOrDefault(day) ?? new Dictionary<string, long>(StringComparer.Ordinal);
                held[day] = new KeywordDayEntry(
                    stored?.Version ?? 0, stored?.LastMessageId ?? 0, optedOut, Keywords.Top(all, KeywordDays.TermsPerDay), day >= recentFrom ? all : null);
            }
        }
    }

    /// <summary>Excerpts of the day's human, present messages with ids from <paramref name="firstId"/> on whose author may be shown.</summary>
    private static async Task<List<string>> ExcerptsAsync(AnalyticsDbContext db, long guild, VisibleMembers visible, int day, long firstId, CancellationToken cancellationToken)
    {
        var (_, endId) = MessageIdRange.AroundDays(day, day + 1);
        var rows = await db.MessageFacts
            .Where(m => m.GuildId == guild && m.MessageId >= firstId && m.MessageId < endId && m.Day == day
                && m.IsCreated && m.DeletedAt == null && !m.IsBot && m.Excerpt != null)
            .Select(m => new { m.AuthorId, Excerpt = m.Excerpt! })
            .ToListAsync(cancellationToken);
        return [.. rows.Where(x => visible.MayShowContentOf(x.AuthorId)).Select(x => x.Excerpt)];
    }

    private sealed class GuildDays
    {
        /// <summary>How many windows' sums are kept at most (a dashboard asks a few: the window picked and the one before it).</summary>
        private const int WindowsKept = 8;

        private readonly KeptWindows<KeptKeywordWindow> _windows = new(WindowsKept, (start, end) => new KeptKeywordWindow((int)start, (int)end));

        public SemaphoreSlim Lock { get; } = new(1, 1);

        public Dictionary<int, KeywordDayEntry> Held { get; } = [];

        /// <summary>The window's kept sums brought up to the held days (under <see cref="Lock"/>).</summary>
        public KeptKeywordWindow Window(int start, int end)
        {
            var window = _windows.Get(start, end);
            window.Update(Held);
            return window;
        }
    }
}
