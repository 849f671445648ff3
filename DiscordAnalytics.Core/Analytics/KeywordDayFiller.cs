using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// The owner of the stored keyword days (<see cref="KeywordDays"/>): stores every closed UTC day that has no row, off the
/// read path (a recurring background job calls <see cref="FillAllAsync"/>), so dashboard and API queries only read.
/// Until a day is stored, queries compute it in memory with the same result.
/// <list type="bullet">
/// <item>A guild's days are filled from the day before its earliest stored message (the margin
/// <see cref="MessageIdRange"/> allows a source's clock) up to yesterday, newest first, so the windows people look at
/// most are fast first. Days without messages get an empty row, so they are not read again.</item>
/// <item>Each run of at most <see cref="KeywordDays.DaysPerFill"/> consecutive days is computed and stored inside one
/// write transaction (<c>BEGIN IMMEDIATE</c>, taken before the excerpts and the hidden members are read): the writer
/// cannot change a day between the read of its excerpts and the stored row, so a change is never lost to a race, and
/// ingestion waits for one short fill at most.</item>
/// <item>Storing a day twice stores the same terms (an upsert), so two fills at once are harmless.</item>
/// </list>
/// </summary>
public sealed partial class KeywordDayFiller(IDbContextFactory<AnalyticsDbContext> contexts, TimeProvider time, ILogger<KeywordDayFiller> logger)
{
    /// <summary>Fills every guild's missing closed days; returns how many days were stored.</summary>
    public async Task<int> FillAllAsync(CancellationToken cancellationToken)
    {
        List<long> guilds;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            guilds = await db.Guilds.AsNoTracking().OrderBy(g => g.GuildId).Select(g => g.GuildId).ToListAsync(cancellationToken);
        }

        var stored = 0;
        foreach (var guild in guilds)
        {
            stored += await FillGuildAsync(guild, cancellationToken);
        }

        return stored;
    }

    /// <summary>Fills the guild's missing closed days from its first message to yesterday; returns how many were stored.</summary>
    public async Task<int> FillGuildAsync(long guild, CancellationToken cancellationToken)
    {
        long? firstMessage;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            // The smallest key of the guild's messages: one seek, and a message id is its creation time.
            firstMessage = await db.MessageFacts.Where(m => m.GuildId == guild).MinAsync(m => (long?)m.MessageId, cancellationToken);
        }

        if (firstMessage is not { } first)
        {
            return 0;
        }

        var fromDay = DayBucket.FromUnixMs(MessageIdRange.CreatedAt(first)) - 1;
        return await FillAsync(guild, fromDay, int.MaxValue, cancellationToken);
    }

    /// <summary>
    /// Stores the guild's closed days in [<paramref name="fromDay"/>, <paramref name="toDay"/>) that have no row (today
    /// and later days are never stored), newest first; returns how many were stored.
    /// </summary>
    public async Task<int> FillAsync(long guild, int fromDay, int toDay, CancellationToken cancellationToken)
    {
        var today = DayBucket.FromUnixMs(time.GetUtcNow().ToUnixTimeMilliseconds());
        toDay = Math.Min(toDay, today);
        if (fromDay >= toDay)
        {
            return 0;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var storedDays = (await db.KeywordDays.AsNoTracking()
            .Where(k => k.GuildId == guild && k.Day >= fromDay && k.Day < toDay)
            .Select(k => k.Day)
            .ToListAsync(cancellationToken)).ToHashSet();
        var missing = Enumerable.Range(fromDay, toDay - fromDay).Where(day => !storedDays.Contains(day));
        var stored = 0;
        foreach (var run in KeywordDays.Runs(missing, KeywordDays.DaysPerFill).Reverse())
        {
            await StoreAsync(db, guild, run, cancellationToken);
            stored += run.Length;
        }

        if (stored > 0)
        {
            LogStored(logger, guild, stored);
        }

        return stored;
    }

    /// <summary>Computes and stores <paramref name="days"/> (consecutive, ascending) in one write transaction.</summary>
    private static async Task StoreAsync(AnalyticsDbContext db, long guild, int[] days, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // The write lock is taken before the excerpts are read (see the class summary).
            await using var transaction = await StoreTransactions.BeginExclusiveWriteAsync(db, "keywordDays", cancellationToken);
            await db.Database.UseTransactionAsync(transaction, cancellationToken);
            var visible = await VisibleMembers.LoadAsync(db, guild, cancellationToken);
            var computed = await KeywordDays.ComputeAsync(db, guild, visible, days[0], days[^1] + 1, cancellationToken);
            foreach (var day in days)
            {
                var terms = KeywordDayTerms.Write(computed.GetValueOrDefault(day) ?? []);
                await db.Database.ExecuteSqlAsync(
                    $"INSERT INTO keywordDays (guildId, day, terms) VALUES ({guild}, {day}, {terms}) ON CONFLICT (guildId, day) DO UPDATE SET terms = excluded.terms",
                    cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            await db.Database.UseTransactionAsync(null, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored {Days} keyword days of guild {GuildId}")]
    private static partial void LogStored(ILogger logger, long guildId, int days);
}
