using DiscordAnalytics.Core.Ingestion.Writing.Events;

namespace DiscordAnalytics.Core.Ingestion.Writing.Handlers;

/// <summary>A REMOVE_EMOJI: every reaction of the emoji on the message added up to then is removed and subtracted, its anonymous count too; the clear is remembered.</summary>
internal sealed class ReactionRemoveEmojiHandler(WriteContext context, ReactionRemovals removals)
{
    public void Apply(EmojiCleared cleared)
    {
        var (guild, message, emoji) = (cleared.Guild, cleared.Message, cleared.Emoji);
        removals.RecordClear(guild, message, emoji, cleared.At);
        removals.Subtract(context.Sql.RemoveReactionFactsOfEmoji, guild, message, guild, message, emoji, cleared.At);
        removals.SubtractAnonymous(context.Sql.DeleteReactionCountsOfEmoji, guild, message, guild, message, emoji);
    }
}
