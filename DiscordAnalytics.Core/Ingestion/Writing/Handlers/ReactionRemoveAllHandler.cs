using DiscordAnalytics.Core.Ingestion.Writing.Events;

namespace DiscordAnalytics.Core.Ingestion.Writing.Handlers;

/// <summary>A REMOVE_ALL: every reaction on the message added up to then is removed and subtracted, its anonymous counts too; the clear is remembered.</summary>
internal sealed class ReactionRemoveAllHandler(WriteContext context, ReactionRemovals removals)
{
    public void Apply(ReactionsCleared cleared)
    {
        var (guild, message) = (cleared.Guild, cleared.Message);
        removals.RecordClear(guild, message, string.Empty, cleared.At);
        removals.Subtract(context.Sql.RemoveReactionFactsOfMessage, guild, message, guild, message, cleared.At);
        removals.SubtractAnonymous(context.Sql.DeleteReactionCountsOfMessage, guild, message, guild, message);
    }
}
