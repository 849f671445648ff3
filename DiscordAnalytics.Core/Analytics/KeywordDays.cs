using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// <c>commonKeywords</c> of a window from per-day keyword rows (<see cref="KeywordDay"/>) instead of every excerpt
/// in it: a year of a busy guild is millions of excerpts (seconds to tokenize), but at most 366 rows of
/// <see cref="TermsPerDay"/> terms.
/// <list type="bullet">
/// <item>Reading never writes. Queries read through <see cref="KeywordDayCache"/>: a day with a stored row is read from
/// it; a day without one (today, or a closed day the filler has not stored again yet) is counted in memory exactly as
/// <see cref="KeywordDayFiller"/> (the rows' only writer besides their invalidation) would store it, so an answer is the
/// same whether the filler has been there or not. The versions, stored rows, hidden members and excerpts are read in
/// one snapshot.</item>
/// <item>The ingestion writer deletes a day's row and steps its keyword version (<see cref="KeywordDayVersion"/>) in the
/// same transaction as any create, edit, delete or forget of a human message of that day, so a stored day always
/// matches its messages; the filler stores the day again later.</item>
/// <item>A hidden member's excerpts never count (<see cref="VisibleMembers.MayShowContentOf"/>: their words are
/// content; hidden members are counted in numbers, never shown). Hiding a member or making them visible again drops
/// the guild's stored days (<see cref="ForgetGuildAsync"/>) in the same transaction as the setting, so no stored day
/// was computed with another set of hidden members.</item>
/// <item>Each day keeps its <see cref="TermsPerDay"/> most common terms, so a window's counts are exact for
/// every term that is among them on each of its days; a term below that on some day loses that day's few
/// messages. The top of a window (at most <see cref="SupportSignalsQuery.MaxKeywords"/>) is made of terms far above it.</item>
/// </list>
/// </summary>
public static class KeywordDays
{
    public const int TermsPerDay = 200;

    /// <summary>Most consecutive days whose excerpts are read at once (by a query or by one fill transaction).</summary>
    public const int DaysPerFill = 7;

    /// <summary>
    /// Drops every stored day of the guild: called inside the transaction that changes who is hidden (the caller's), so
    /// queries compute each day again with the new set until the filler has stored it again.
    /// </summary>
    public static Task<int> ForgetGuildAsync(AnalyticsDbContext db, long guild, CancellationToken cancellationToken) =>
        db.KeywordDays.Where(k => k.GuildId == guild).ExecuteDeleteAsync(cancellationToken);

    /// <summary>
    /// Each day's top terms over the excerpts of human, present messages created in [fromDay, toDay) whose author may be
    /// shown (<paramref name="visible"/>, read in the caller's transaction: the set and the excerpts are one snapshot).
    /// Days without any such excerpt are absent.
    /// </summary>
    internal static async Task<Dictionary<int, IReadOnlyList<KeywordCount>>> ComputeAsync(
        AnalyticsDbContext db, long guild, VisibleMembers visible, int fromDay, int toDay, CancellationToken cancellationToken) =>
        (await CountAllAsync(db, guild, visible, fromDay, toDay, cancellationToken))
            .ToDictionary(x => x.Key, x => Keywords.Top(x.Value, TermsPerDay));

    /// <summary>Each day's count of every term, over the same excerpts as <see cref="ComputeAsync"/>; days without any are absent.</summary>
    internal static async Task<Dictionary<int, Dictionary<string, long>>> CountAllAsync(
        AnalyticsDbContext db, long guild, VisibleMembers visible, int fromDay, int toDay, CancellationToken cancellationToken)
    {
        var (firstId, endId) = MessageIdRange.AroundDays(fromDay, toDay);
        var excerpts = await db.MessageFacts
            .Where(m => m.GuildId == guild && m.MessageId >= firstId && m.MessageId < endId && m.Day >= fromDay && m.Day < toDay
                && m.IsCreated && m.DeletedAt == null && !m.IsBot && m.Excerpt != null)
            .Select(m => new { m.Day, m.AuthorId, Excerpt = m.Excerpt! })
            .ToListAsync(cancellationToken);
        return excerpts
            .Where(x => visible.MayShowContentOf(x.AuthorId))
            .GroupBy(x => x.Day)
            .ToDictionary(g => g.Key, g => Keywords.Count(g.Select(x => x.Excerpt)));
    }

    /// <summary>
    /// <paramref name="days"/> (ascending) as runs of consecutive days, at most <paramref name="max"/> long: each run is
    /// one range read, and days far apart are never read together with every day between them.
    /// </summary>
    internal static IEnumerable<int[]> Runs(IEnumerable<int> days, int max)
    {
        var run = new List<int>(max);
        foreach (var day in days)
        {
            if (run.Count == max || (run.Count > 0 && day != run[^1] + 1))
            {
                yield return [.. run];
                run.Clear();
            }

            run.Add(day);
        }

        if (run.Count > 0)
        {
            yield return [.. run];
        }
    }
}
