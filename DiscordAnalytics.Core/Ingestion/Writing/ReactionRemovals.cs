using DiscordAnalytics.Core.Ingestion.Writing.Caches;
using DiscordAnalytics.Core.Ingestion.Writing.Sql;

namespace DiscordAnalytics.Core.Ingestion.Writing;

/// <summary>
/// Reactions leaving the store, for every handler that takes them away (a remove, a clear, a delete, a forget, a
/// snapshot's anonymous count): each statement returns what it took, and exactly what was counted is subtracted from
/// the batch's rollup deltas.
/// </summary>
internal sealed class ReactionRemovals(WriteContext context)
{
    private RollupDeltas Deltas => context.Deltas;

    /// <summary>
    /// A message that is gone (deleted, or its author forgotten) takes its reactions with it and leaves top content;
    /// reactions added to it later are blocked.
    /// </summary>
    /// <param name="known">What the message holds, when known from the batch's start (PostgreSQL): the deletes are then queued expecting those rows.</param>
    public void TakeAllOf(long guild, long message, StoredDelete? known = null)
    {
        context.Blocks.MessageDeleted(guild, message);
        if (known is null)
        {
            Subtract(context.Sql.DeleteReactionFactsOfMessage, guild, message, guild, message);
            SubtractAnonymous(context.Sql.DeleteReactionCountsOfMessage, guild, message, guild, message);
            return;
        }

        context.Sql.DropReactionFactsOfMessage.DeferExpecting(known.Reactions.Count, guild, message);
        foreach (var reaction in known.Reactions.Where(r => r.WasPresent))
        {
            SubtractPresent(guild, message, reaction);
        }

        context.Sql.DropReactionCountsOfMessage.DeferExpecting(known.Counts.Count, guild, message);
        foreach (var count in known.Counts)
        {
            SubtractCount(guild, message, count);
        }
    }

    /// <summary>A REMOVE_ALL (emoji empty) or REMOVE_EMOJI: kept in the store and in the writer's memory alike.</summary>
    public void RecordClear(long guild, long message, string emoji, long at)
    {
        context.Sql.RecordReactionClear.Defer(guild, message, emoji, at);
        context.Blocks.Cleared(guild, message, emoji, at);
    }

    /// <summary>Runs a statement that takes reactions of the message away; subtracts those that were present and returns how many.</summary>
    public int Subtract(StatementQuery<TakenReaction> remove, long guild, long message, params ReadOnlySpan<StatementValue> key)
    {
        var removed = 0;
        foreach (var reaction in remove.Rows(key))
        {
            if (!reaction.WasPresent)
            {
                continue;
            }

            removed++;
            SubtractPresent(guild, message, reaction);
        }

        return removed;
    }

    /// <summary>Subtracts one present reaction the batch takes away (what a statement returned, or what the batch's start read).</summary>
    public void SubtractPresent(long guild, long message, TakenReaction reaction)
    {
        Deltas.Channel(guild, reaction.Day, reaction.Channel, reaction.IsBot).Reactions--;
        Deltas.Member(guild, reaction.Day, reaction.Reactor, reaction.IsBot).Reactions--;
        Deltas.Message(guild, message, reaction.Day, reaction.Channel).AddReaction(reaction.IsBot, -1);
        Deltas.Emoji(guild, reaction.Day, reaction.Emoji, reaction.IsBot, -1);
    }

    /// <summary>Runs a statement that deletes anonymous reaction counts of the message; subtracts them.</summary>
    public void SubtractAnonymous(StatementQuery<DeletedReactionCount> delete, long guild, long message, params ReadOnlySpan<StatementValue> key)
    {
        foreach (var deleted in delete.Rows(key))
        {
            SubtractCount(guild, message, deleted);
        }
    }

    private void SubtractCount(long guild, long message, DeletedReactionCount deleted)
    {
        Deltas.Channel(guild, deleted.Day, deleted.Channel, false).Reactions -= deleted.Anonymous;
        Deltas.Message(guild, message, deleted.Day, deleted.Channel).Score -= deleted.Anonymous;
        Deltas.Emoji(guild, deleted.Day, deleted.Emoji, false, -deleted.Anonymous);
    }

    /// <summary>Takes one reaction of the emoji from the message's anonymous count, when the statement finds one to take.</summary>
    public void TakeAnonymous(StatementQuery<TakenAnonymousReaction> take, long guild, long message, string emoji, long at)
    {
        if (take.FirstOrNull(guild, message, emoji, at) is { } taken)
        {
            Deltas.Channel(guild, taken.Day, taken.Channel, false).Reactions--;
            Deltas.Message(guild, message, taken.Day, taken.Channel).Score--;
            Deltas.Emoji(guild, taken.Day, emoji, false, -1);
        }
    }
}
