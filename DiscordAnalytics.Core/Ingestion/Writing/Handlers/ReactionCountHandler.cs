using DiscordAnalytics.Core.Ingestion.Writing.Events;
using DiscordAnalytics.Core.Ingestion.Writing.Sql;

namespace DiscordAnalytics.Core.Ingestion.Writing.Handlers;

/// <summary>
/// A backfill snapshot (count per emoji, no reactor ids) sets the anonymous reactions of (message, emoji) to
/// <c>max(0, count - identified reactors)</c>: state, not a delta, so repeating a snapshot changes nothing
/// and reactions the gateway identified are never counted twice. An older snapshot never overrides a newer one.
/// </summary>
internal sealed class ReactionCountHandler(WriteContext context)
{
    public void Apply(ReactionCounted counted)
    {
        var (guild, message, emoji, at) = (counted.Guild, counted.Message, counted.Emoji, counted.At);
        if (context.Blocks.IsDeleted(guild, message))
        {
            return;
        }

        var sql = context.Sql;
        long previous = 0;
        if (sql.SelectReactionCount.FirstOrNull(guild, message, emoji) is { } known)
        {
            if (known.ObservedAt > at)
            {
                return;
            }

            previous = known.Anonymous;
        }

        var anonymous = Math.Max(0, counted.Count - sql.CountIdentifiedReactors.Count(guild, message, emoji));
        var day = MessageDay.FromMessageId(message);
        var channel = context.Channels.Resolve(guild, counted.Channel).Channel;
        sql.UpsertReactionCount.Defer(guild, message, emoji, anonymous, channel, day, at);
        context.Snapshots.Stored(guild, at);
        var delta = anonymous - previous;
        if (delta != 0)
        {
            context.Deltas.Channel(guild, day, channel, false).Reactions += delta;
            context.Deltas.Message(guild, message, day, channel).Score += delta;
            context.Deltas.Emoji(guild, day, emoji, false, delta);
        }
    }
}
