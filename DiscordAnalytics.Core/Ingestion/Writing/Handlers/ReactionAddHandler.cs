using DiscordAnalytics.Core.Ingestion.Writing.Events;

namespace DiscordAnalytics.Core.Ingestion.Writing.Handlers;

/// <summary>
/// Stores a reaction as present and counts it, unless it was present already, is no newer than its removal, or its
/// message is deleted or cleared after it. The reaction's row is its own dedupe record: an add keeps no raw event row.
/// </summary>
internal sealed class ReactionAddHandler(WriteContext context, ReactionRemovals removals)
{
    /// <summary>False when the add changed no state.</summary>
    public bool Apply(ReactionAdded added)
    {
        var (guild, message, emoji, reactor, isBot, at) = (added.Guild, added.Message, added.Emoji, added.Reactor, added.IsBot, added.At);
        var channel = context.Channels.Resolve(guild, added.Channel).Channel;
        var day = MessageDay.FromMessageId(message);
        if (context.Blocks.Blocks(guild, message, emoji, at))
        {
            return false;
        }

        var sql = context.Sql;
        if (context.Absent.IsAbsent(added))
        {
            context.Absent.InsertReactionFact(guild, message, emoji, reactor, channel, day, isBot, at);
        }
        else if (sql.AddReactionFact.Execute(guild, message, emoji, reactor, channel, day, isBot, at) == 0)
        {
            sql.RefreshReactionFact.Defer(guild, message, emoji, reactor, at);
            return false;
        }

        var deltas = context.Deltas;
        deltas.Channel(guild, day, channel, isBot).Reactions++;
        deltas.Member(guild, day, reactor, isBot).Reactions++;
        deltas.Message(guild, message, day, channel).AddReaction(isBot, +1);
        deltas.Emoji(guild, day, emoji, isBot, +1);

        // Added before a backfill snapshot that counted it anonymously: now we know who, so it leaves the anonymous count.
        if (context.Snapshots.NewestAt(guild) >= at)
        {
            removals.TakeAnonymous(sql.TakeAnonymousReactionBefore, guild, message, emoji, at);
        }

        return true;
    }
}
