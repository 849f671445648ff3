using DiscordAnalytics.Core.Ingestion.Writing.Caches;
using DiscordAnalytics.Core.Ingestion.Writing.Events;
using DiscordAnalytics.Core.Ingestion.Writing.Sql;

namespace DiscordAnalytics.Core.Ingestion.Writing.Handlers;

/// <summary>
/// Removes a present reaction (unless it was added after this remove) and subtracts it; a remove that found nothing to
/// take is remembered, so an older add arriving later stays removed.
/// </summary>
internal sealed class ReactionRemoveHandler(WriteContext context, ReactionRemovals removals)
{
    public void Apply(ReactionRemoved removed)
    {
        var (guild, message, emoji, reactor, at) = (removed.Guild, removed.Message, removed.Emoji, removed.Reactor, removed.At);
        var sql = context.Sql;
        if (context.RemovedReactions.Knows(removed, out var stored))
        {
            ApplyKnown(removed, stored);
            return;
        }

        if (removals.Subtract(sql.RemoveReactionFact, guild, message, guild, message, emoji, reactor, at) > 0)
        {
            return;
        }

        if (sql.ReactionFactExists.Count(guild, message, emoji, reactor) == 0)
        {
            // A reactor we never identified: after a backfill snapshot it was one of the anonymous reactors it counted.
            removals.TakeAnonymous(sql.TakeAnonymousReactionAfter, guild, message, emoji, at);
        }

        RecordRemoval(removed);
    }

    /// <summary>
    /// PostgreSQL, the reaction's fact read at the batch's start: the same branches as above, taken on what was read, the
    /// update queued expecting the row it takes (or not sent when it takes none).
    /// </summary>
    private void ApplyKnown(ReactionRemoved removed, StoredReaction? stored)
    {
        var (guild, message, emoji, reactor, at) = (removed.Guild, removed.Message, removed.Emoji, removed.Reactor, removed.At);
        if (stored is { Present: true } present && present.CreatedAt <= at)
        {
            context.Sql.TakeReactionFact.DeferExpecting(1, guild, message, emoji, reactor, at);
            removals.SubtractPresent(guild, message, new TakenReaction(reactor, present.Channel, present.Day, present.IsBot, true, emoji));
            return;
        }

        // Anonymous counts exist only where a backfill snapshot was stored.
        if (stored is null && context.Snapshots.NewestAt(guild) != long.MinValue)
        {
            removals.TakeAnonymous(context.Sql.TakeAnonymousReactionAfter, guild, message, emoji, at);
        }

        RecordRemoval(removed);
    }

    private void RecordRemoval(ReactionRemoved removed)
    {
        var channel = context.Channels.Resolve(removed.Guild, removed.Channel).Channel;
        context.Sql.RecordReactionRemoval.Defer(removed.Guild, removed.Message, removed.Emoji, removed.Reactor, channel, MessageDay.FromMessageId(removed.Message), removed.IsBot, removed.At);
    }
}
