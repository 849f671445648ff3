using DiscordAnalytics.Core.Ingestion.Writing.Caches;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion.Writing.Events;
using DiscordAnalytics.Core.Ingestion.Writing.Sql;
using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Core.Ingestion.Writing.Handlers;

/// <summary>
/// Marks a message deleted: a counted message is subtracted from the day, channel and member it was created in and
/// leaves its author's first week; the delete is counted on its own where it happened; the message takes its
/// reactions with it. A message never seen is kept as a tombstone, so a late create or reaction counts nothing.
/// </summary>
internal sealed class MessageDeleteHandler(WriteContext context, ReactionRemovals removals)
{
    public void Apply(MessageDeleted deleted)
    {
        var known = context.DeletedMessages.Knows(deleted.Guild, deleted.Message);
        var (deletedIn, isBot) = (known is null ? context.Sql.MarkMessageDeleted.FirstOrNull(deleted.Guild, deleted.Message, deleted.At) : MarkKnown(deleted, known)) is { } marked
            ? Uncount(deleted, marked)
            : KeepTombstone(deleted);
        if (deletedIn != 0)
        {
            context.Deltas.Channel(deleted.Guild, DayBucket.FromUnixMs(deleted.At), deletedIn, isBot).Deleted++;
        }

        removals.TakeAllOf(deleted.Guild, deleted.Message, known);
        context.Support.Changed(deleted.Guild, deleted.Message);
    }

    /// <summary>
    /// PostgreSQL, the message's fact read at the batch's start: what <c>MarkMessageDeleted</c> would return, its update
    /// queued expecting the one row it marks (not sent when it marks none).
    /// </summary>
    private DeletedMessage? MarkKnown(MessageDeleted deleted, StoredDelete known)
    {
        if (known is not { Fact: { } fact, NotDeleted: true })
        {
            return null;
        }

        context.Sql.MarkFactDeleted.DeferExpecting(1, deleted.Guild, deleted.Message, deleted.At);
        return fact;
    }

    /// <summary>Returns the channel the message counted in, and whether a bot wrote it.</summary>
    private (long DeletedIn, bool IsBot) Uncount(MessageDeleted deleted, DeletedMessage marked)
    {
        var (guild, deltas) = (deleted.Guild, context.Deltas);
        if (!marked.IsBot)
        {
            deltas.KeywordDaysToDrop.Add((guild, marked.Day));
        }

        // A tombstone (never created) was never counted; nor was a forgotten member's message (no author).
        if (marked.IsCreated && marked.Author is { } author)
        {
            deltas.Channel(guild, marked.Day, marked.Channel, marked.IsBot).Messages--;
            deltas.Member(guild, marked.Day, author, marked.IsBot).Messages--;
            deltas.QuarterHour(guild, marked.CreatedAt, marked.Channel, marked.IsBot, -1);
            deltas.MessageKind(guild, marked.Day, marked.IsBot, marked.Kinds, marked.Length, -1);
            deltas.MessageEmojis(guild, marked.Day, marked.IsBot, marked.Emojis, -1);
            context.Activation.Deleted(guild, author, marked.CreatedAt);
        }

        return (marked.Channel, marked.IsBot);
    }

    /// <summary>
    /// Never seen: keeps a tombstone so a late create or reaction is not counted (channel 0 when the delete did not say
    /// where; it then counts in no channel's deletes).
    /// </summary>
    private (long DeletedIn, bool IsBot) KeepTombstone(MessageDeleted deleted)
    {
        var place = context.Channels.Resolve(deleted.Guild, deleted.Channel);
        var createdAt = Snowflake.ToUnixMs((ulong)deleted.Message);
        var deletedIn = place?.Channel ?? 0;
        context.Sql.InsertTombstone.Defer(deleted.Guild, deleted.Message, deletedIn, place?.Thread, createdAt, DayBucket.FromUnixMs(createdAt), deleted.At);
        return (deletedIn, false);
    }
}
