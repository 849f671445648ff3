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
/// <item>A closed UTC day (before today, by the <see cref="TimeProvider"/>) is computed once, the first time a
/// window asks for it, and stored. The ingestion writer deletes a day's row in the same transaction as any
/// create, edit, delete or forget of a message of that day, so a stored day always matches its messages.</item>
/// <item>A day is computed and stored inside one write transaction (<c>BEGIN IMMEDIATE</c>): the writer cannot
/// change the day between the read of its excerpts and the stored row, so a change is never lost to a race.
/// Missing days are filled <see cref="DaysPerFill"/> at a time, so ingestion waits for one short fill at most.</item>
/// <item>Today (and any later day of a custom range) is read from the excerpts on every query.</item>
/// <item>A hidden member's excerpts never count (their words are content; hidden members are counted in numbers, never
/// shown). Hiding a member or making them visible again drops the guild's stored days (<see cref="ForgetGuildAsync"/>)
/// in the same transaction as the setting, so no stored day was computed with another set of hidden members.</item>
/// <item>Each day keeps its <see cref="TermsPerDay"/> most common terms, so a window's counts are exact for
/// every term that is among them on each of its days; a term below that on some day loses that day's few
/// messages. The top of a window (at most <see cref="SupportSignalsQuery.MaxKeywords"/>) is made of terms far above it.</item>
/// </list>
/// </summary>
public static class KeywordDays
{
    public const int TermsPerDay = 200;

    public const int DaysPerFill = 7;

    /// <summary>The window's top terms: count desc, then keyword ascending (ordinal).</summary>
    public static async Task<IReadOnlyList<KeywordCount>> TopAsync(AnalyticsDbContext db, AnalyticsQuery query, long now, int top, CancellationToken cancellationToken)
    {
        var guild = (long)query.GuildId;
        var (start, end) = (query.Window.StartDay, query.Window.EndDay);
        var today = DayBucket.Of(now);
        var closedEnd = Math.Min(end, today);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);

        if (start < closedEnd)
        {
            var stored = await db.KeywordDays.AsNoTracking()
                .Where(k => k.GuildId == guild && k.Day >= start && k.Day < closedEnd)
                .ToListAsync(cancellationToken);
            foreach (var day in stored)
            {
                KeywordDayTerms.AddTo(counts, day.Terms);
            }

            var storedDays = stored.Select(k => k.Day).ToHashSet();
            var missing = Enumerable.Range(start, closedEnd - start).Where(day => !storedDays.Contains(day));
            foreach (var days in missing.Chunk(DaysPerFill))
            {
                foreach (var day in await FillAsync(db, guild, days, cancellationToken))
                {
                    KeywordDayTerms.AddTo(counts, day.Value);
                }
            }
        }

        var openStart = Math.Max(start, today);
        if (openStart < end)
        {
            foreach (var day in await ComputeAsync(db, guild, openStart, end, cancellationToken))
            {
                KeywordDayTerms.AddTo(counts, day.Value);
            }
        }

        return [.. counts
            .OrderByDescending(x => x.Value)
            .ThenBy(x => x.Key, StringComparer.Ordinal)
            .Take(top)
            .Select(x => new KeywordCount(x.Key, x.Value))];
    }

    /// <summary>Computes and stores <paramref name="days"/> (ascending) in one write transaction; returns the days that have terms.</summary>
    private static async Task<Dictionary<int, IReadOnlyList<KeywordCount>>> FillAsync(AnalyticsDbContext db, long guild, int[] days, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // IMMEDIATE: the write lock is taken before the excerpts are read (see the class summary).
            await using var transaction = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: false);
            await db.Database.UseTransactionAsync(transaction, cancellationToken);
            var computed = await ComputeAsync(db, guild, days[0], days[^1] + 1, cancellationToken);
            foreach (var day in days)
            {
                var terms = KeywordDayTerms.Write(computed.GetValueOrDefault(day) ?? []);
                await db.Database.ExecuteSqlAsync(
                    $"INSERT INTO keywordDays (guildId, day, terms) VALUES ({guild}, {day}, {terms}) ON CONFLICT (guildId, day) DO UPDATE SET terms = excluded.terms",
                    cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            await db.Database.UseTransactionAsync(null, cancellationToken);
            // The range read may span stored days between missing ones: those are counted from their rows already.
            return days.Where(computed.ContainsKey).ToDictionary(day => day, day => computed[day]);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Drops every stored day of the guild: called inside the transaction that changes who is hidden (the caller's), so
    /// the next query computes each day again with the new set.
    /// </summary>
    public static Task<int> ForgetGuildAsync(AnalyticsDbContext db, long guild, CancellationToken cancellationToken) =>
        db.KeywordDays.Where(k => k.GuildId == guild).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Each day's top terms over the excerpts of human, present messages created in [fromDay, toDay) by members who are not hidden.</summary>
    private static async Task<Dictionary<int, IReadOnlyList<KeywordCount>>> ComputeAsync(AnalyticsDbContext db, long guild, int fromDay, int toDay, CancellationToken cancellationToken)
    {
        var (firstId, endId) = MessageIdRange.AroundDays(fromDay, toDay);
        // Read in the caller's transaction when it fills days: the set and the excerpts are one snapshot.
        var hidden = (await db.MemberPrivacy.Where(p => p.GuildId == guild).Select(p => p.UserId).ToListAsync(cancellationToken)).ToHashSet();
        var excerpts = await db.MessageFacts
            .Where(m => m.GuildId == guild && m.MessageId >= firstId && m.MessageId < endId && m.Day >= fromDay && m.Day < toDay
                && m.IsCreated && m.DeletedAt == null && !m.IsBot && m.Excerpt != null)
            .Select(m => new { m.Day, m.AuthorId, Excerpt = m.Excerpt! })
            .ToListAsync(cancellationToken);
        return excerpts
            .Where(x => x.AuthorId is not { } author || !hidden.Contains(author))
            .GroupBy(x => x.Day)
            .ToDictionary(g => g.Key, g => Keywords.Top(g.Select(x => x.Excerpt), TermsPerDay));
    }
}
