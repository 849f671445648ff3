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
        if (removals.Subtract(sql.RemoveReactionFact, guild, message, guild, message, emoji, reactor, at) > 0)
        {
            return;
        }

        if (sql.ReactionFactExists.Count(guild, message, emoji, reactor) == 0)
        {
            // A reactor we never identified: after a backfill snapshot it was one of the anonymous reactors it counted.
            removals.TakeAnonymous(sql.TakeAnonymousReactionAfter, guild, message, emoji, at);
        }

        var channel = context.Channels.Resolve(guild, removed.Channel).Channel;
        sql.RecordReactionRemoval.Defer(guild, message, emoji, reactor, channel, MessageDay.FromMessageId(message), removed.IsBot, at);
    }
}
