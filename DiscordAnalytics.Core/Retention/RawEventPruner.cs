using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DiscordAnalytics.Core.Retention;

/// <summary>
/// Deletes a guild's old raw events in small transactions. Only the types whose counting is also
/// guarded by a fact are pruned: a message create seen again finds its message fact, a reaction event
/// its reaction's state (kept with its times, also once removed), so a late re-delivery of a pruned event
/// still counts once. (Creates and reaction adds keep no raw row since migration ReactionState; their
/// older rows are pruned here like the rest.) Thread creates, member
/// joins/leaves and deletes are counted by their raw event's dedupe key alone, so those (few) rows stay.
/// Cards read rollups and top content only, so pruning never changes an answer.
/// </summary>
public sealed class RawEventPruner(IDbContextFactory<AnalyticsDbContext> contexts, IOptions<RetentionOptions> options)
{
    /// <summary>The event types whose old raw rows are pruned (see the class summary for why these and no others).</summary>
    public static readonly IReadOnlyList<IngestEventType> PrunableEventTypes =
    [
        IngestEventType.MessageCreate, IngestEventType.MessageUpdate, IngestEventType.ReactionAdd, IngestEventType.ReactionRemove,
        IngestEventType.ReactionRemoveAll, IngestEventType.ReactionRemoveEmoji,
    ];

    /// <summary>The stored names of <see cref="PrunableEventTypes"/> (the raw table's <c>eventType</c>).</summary>
    public static readonly IReadOnlyList<string> PrunableTypes = [.. PrunableEventTypes.Select(IngestEventTypeNames.StoredName)];

    /// <summary>
    /// One batch: parameters guild, cutoff, batch size. The type names are written into the text rather than bound:
    /// they are the names table's own constants, and a fixed list keeps one statement text for every batch.
    /// </summary>
    private static readonly string DeleteBatchSql = $$"""
        DELETE FROM analyticsEvents
        WHERE (guildId, keyAt, eventType, eventId) IN (
            SELECT guildId, keyAt, eventType, eventId FROM analyticsEvents
            WHERE guildId = {0} AND keyAt < {1}
              AND eventType IN ({{string.Join(", ", PrunableTypes.Select(name => $"'{name}'"))}})
            LIMIT {2})
        """;

    /// <summary>
    /// Deletes the guild's prunable raw events with <c>keyAt &lt; cutoffAt</c> (for these types the time of the
    /// event itself: message creation, edit, reaction), read off the front of the table's key; returns how many went.
    /// </summary>
    public async Task<long> PruneAsync(long guildId, long cutoffAt, CancellationToken cancellationToken)
    {
        var batchSize = options.Value.BatchSize;
        long deleted = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int batch;
            await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
            {
                // One autocommit statement per batch: the write lock is held for one batch only, and a
                // crash mid-run leaves every batch either fully applied or not at all.
                batch = await db.Database.ExecuteSqlRawAsync(DeleteBatchSql, [guildId, cutoffAt, batchSize], cancellationToken).ConfigureAwait(false);
            }

            deleted += batch;
            if (batch < batchSize)
            {
                return deleted;
            }

            // Let the ingestion writer take the lock between batches.
            await Task.Yield();
        }
    }
}
