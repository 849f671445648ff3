using DiscordAnalytics.Core.Storage.Entities;
using System.Text.Json;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DiscordAnalytics.Core.Ingestion.DeadLetters;

/// <summary>
/// Lists dead letters and retries them. A retry feeds the stored event to the normal ingestion path (queue,
/// writer, the same transaction as any event) tagged with its row, which the writer removes in the transaction
/// that applies it: after a fix the event counts exactly once, and a second retry finds no row (or, raced, is a
/// duplicate by its dedupe key and changes nothing).
/// </summary>
public sealed class DeadLetterService(
    IDbContextFactory<AnalyticsDbContext> contexts,
    IIngestionSink sink,
    IIngestionFlusher flusher,
    ILogger<DeadLetterService> logger)
{
    /// <summary>Most dead letters listed; the count says how many there are in all.</summary>
    public const int ListLimit = 500;

    /// <summary>Newest failure first.</summary>
    public async Task<IReadOnlyList<DeadLetterEntry>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.DeadLetters.AsNoTracking()
            .OrderByDescending(d => d.LastFailedAt).ThenByDescending(d => d.Id)
            .Take(ListLimit)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(d => new DeadLetterEntry(d.Id, (ulong)d.GuildId, d.EventType, d.EventId, d.ExceptionType, d.ExceptionMessage, d.FirstFailedAt, d.LastFailedAt, d.Attempts))];
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.DeadLetters.CountAsync(cancellationToken);
    }

    /// <summary>
    /// Retries one dead letter and waits for the writer to commit it. Cancelling the wait (the store refuses writes)
    /// answers <see cref="DeadLetterRetryOutcome.Waiting"/>: the event stays queued and applies when the store is back.
    /// </summary>
    public async Task<DeadLetterRetryResult> RetryAsync(long id, CancellationToken cancellationToken) =>
        await RetryAsync(d => d.Id == id, cancellationToken);

    /// <summary>Retries every dead letter, in the order they first failed.</summary>
    public async Task<DeadLetterRetryResult> RetryAllAsync(CancellationToken cancellationToken) =>
        await RetryAsync(_ => true, cancellationToken);

    private async Task<DeadLetterRetryResult> RetryAsync(System.Linq.Expressions.Expression<Func<DeadLetter, bool>> which, CancellationToken cancellationToken)
    {
        List<(long Id, string Json)> letters;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            letters = [.. (await db.DeadLetters.AsNoTracking().Where(which).OrderBy(d => d.Id).Select(d => new { d.Id, d.EventJson }).ToListAsync(cancellationToken))
                .Select(d => (d.Id, d.EventJson))];
        }

        var fed = new List<long>();
        var unreadable = 0;
        try
        {
            foreach (var (id, json) in letters)
            {
                if (TryRead(id, json) is not { } e)
                {
                    unreadable++;
                    continue;
                }

                await sink.WriteAsync(e with { DeadLetterId = id }, cancellationToken);
                fed.Add(id);
            }

            await flusher.FlushAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The caller stopped waiting (the store refuses writes): what was fed applies when the store is back.
            return new DeadLetterRetryResult(0, unreadable, fed.Count);
        }

        await using var after = await contexts.CreateDbContextAsync(CancellationToken.None);
        var left = await after.DeadLetters.AsNoTracking().Where(d => fed.Contains(d.Id)).CountAsync(CancellationToken.None);
        return new DeadLetterRetryResult(fed.Count - left, left + unreadable, 0);
    }

    private IngestEvent? TryRead(long id, string json)
    {
        try
        {
            return DeadLetterJson.Read(json);
        }
        catch (JsonException ex)
        {
            // Only a hand-edited row gets here; it stays for the admin to look at.
            logger.LogWarning(ex, "Dead letter {DeadLetterId} holds no readable event; left as it is", id);
            return null;
        }
    }
}
