using DiscordAnalytics.Core.Ingestion.Writing.Events;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;

namespace DiscordAnalytics.Core.Ingestion.Writing.Handlers;

/// <summary>
/// Stores a message's fact and counts it for its channel (a thread's parent), its author, its quarter hour, its kinds
/// (<see cref="MessageKinds"/>, when measured), the emojis typed in it and its author's first week. The fact's key (guild, message id) is the create's dedupe key: a create keeps no raw event row.
/// </summary>
internal sealed class MessageCreateHandler(WriteContext context)
{
    /// <summary>False when the create was seen before (its fact exists and was created).</summary>
    public bool Apply(MessageCreated created)
    {
        var (guild, message, author, isBot, at) = (created.Guild, created.Message, created.Author, created.IsBot, created.At);
        var (channel, thread) = context.Channels.Resolve(guild, created.Channel);
        var day = DayBucket.FromUnixMs(at);
        var sql = context.Sql;
        MessageKinds? kinds = created.Shape is { } shape ? ShapeKinds.Of(shape, created.ReferencedMessage is not null) : null;
        var length = created.Shape?.Length ?? 0;
        long? storedLength = created.Shape is null ? null : length;
        if (context.Absent.IsAbsent(created))
        {
            context.Absent.InsertMessageFact(guild, message, channel, thread, author, isBot, at, day, created.Excerpt, created.ReferencedMessage, (long?)kinds, storedLength, created.Shape?.Emojis);
        }
        else if (sql.InsertMessageFact.Execute(guild, message, channel, thread, author, isBot, at, day, created.Excerpt, created.ReferencedMessage, (long?)kinds, storedLength, created.Shape?.Emojis) != 1)
        {
            // Known already: a tombstone whose delete came first is filled in (the message stays
            // uncounted); anything else is this create seen again.
            if (sql.FillTombstone.Execute(guild, message, author, isBot, created.Excerpt) != 1)
            {
                return false;
            }

            context.Support.Changed(guild, message);
            return true;
        }

        context.Support.Created(guild, message, channel, thread, at);
        var deltas = context.Deltas;
        deltas.Channel(guild, day, channel, isBot).Messages++;
        deltas.Member(guild, day, author, isBot).Messages++;
        deltas.QuarterHour(guild, at, channel, isBot, +1);
        deltas.MessageKind(guild, day, isBot, kinds, length, +1);
        deltas.MessageEmojis(guild, day, isBot, created.Shape?.Emojis, +1);
        if (!isBot)
        {
            deltas.KeywordDayCreated(guild, day, message);
        }

        context.Activation.Posted(guild, author, at);
        return true;
    }
}
