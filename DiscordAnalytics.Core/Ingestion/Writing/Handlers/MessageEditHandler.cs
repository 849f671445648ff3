using DiscordAnalytics.Core.Ingestion.Writing.Events;
using DiscordAnalytics.Core.Ingestion.Writing.Sql;
using DiscordAnalytics.Core.Storage.Entities;

namespace DiscordAnalytics.Core.Ingestion.Writing.Handlers;

/// <summary>
/// Stores an edit's excerpt and time on a message we know the author of; the message's day loses its stored keywords.
/// The newest edit (by edit time, whatever the arrival order) sets what a counted message carries: its old kinds and
/// length (and the emojis typed in it) are taken back from the kind and emoji rollups and the new ones counted. A reply
/// stays a reply.
/// </summary>
internal sealed class MessageEditHandler(WriteContext context)
{
    public void Apply(MessageEdited edited)
    {
        var sql = context.Sql;
        if (context.Absent.KnowsEdit(edited.Guild, edited.Message, out var knownDay) && (knownDay is null || edited.Shape is null))
        {
            // PostgreSQL, where the fact is known from the batch's start: the update is queued, not waited for.
            sql.EditMessageFact.DeferExpecting(knownDay is null ? 0 : 1, edited.Guild, edited.Message, edited.Excerpt, edited.EditedAt);
            if (knownDay is { } day)
            {
                context.Deltas.KeywordDaysToDrop.Add((edited.Guild, day));
            }

            return;
        }

        // Read before the fact's edit time moves: whether this edit is newer than every one applied so far.
        var before = edited.Shape is null ? null : sql.SelectMessageShape.FirstOrNull(edited.Guild, edited.Message);
        if (sql.UpdateMessageFact.FirstOrNull(edited.Guild, edited.Message, edited.Excerpt, edited.EditedAt) is not { } message)
        {
            return;
        }

        context.Deltas.KeywordDaysToDrop.Add((edited.Guild, message.Day));
        if (edited.Shape is { } shape && before is { Kinds: { } old } stored && (stored.EditedAt ?? long.MinValue) < edited.EditedAt)
        {
            var kinds = ShapeKinds.Of(shape, old.HasFlag(MessageKinds.Reply));
            sql.SetMessageShape.Defer(edited.Guild, edited.Message, (long)kinds, shape.Length, shape.Emojis);
            if (stored.Counted)
            {
                context.Deltas.MessageKind(edited.Guild, stored.Day, stored.IsBot, old, stored.Length, -1);
                context.Deltas.MessageKind(edited.Guild, stored.Day, stored.IsBot, kinds, shape.Length, +1);
                context.Deltas.MessageEmojis(edited.Guild, stored.Day, stored.IsBot, stored.Emojis, -1);
                context.Deltas.MessageEmojis(edited.Guild, stored.Day, stored.IsBot, shape.Emojis, +1);
            }
        }
    }
}
