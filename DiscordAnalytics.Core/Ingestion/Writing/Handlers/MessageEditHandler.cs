using DiscordAnalytics.Core.Ingestion.Writing.Events;
using DiscordAnalytics.Core.Ingestion.Writing.Sql;

namespace DiscordAnalytics.Core.Ingestion.Writing.Handlers;

/// <summary>Stores an edit's excerpt and time on a message we know the author of; the message's day loses its stored keywords.</summary>
internal sealed class MessageEditHandler(WriteContext context)
{
    public void Apply(MessageEdited edited)
    {
        if (context.Sql.UpdateMessageFact.FirstOrNull(edited.Guild, edited.Message, edited.Excerpt, edited.EditedAt) is { } message)
        {
            context.Deltas.KeywordDaysToDrop.Add((edited.Guild, message.Day));
        }
    }
}
