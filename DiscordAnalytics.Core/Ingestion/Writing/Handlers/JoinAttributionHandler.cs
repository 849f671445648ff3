using DiscordAnalytics.Core.Ingestion.Writing.Events;

namespace DiscordAnalytics.Core.Ingestion.Writing.Handlers;

/// <summary>Stores which invite brought a join (code, or unknown) with the member and with the join's own row, for that join only.</summary>
internal sealed class JoinAttributionHandler(WriteContext context)
{
    public void Apply(JoinAttributed attributed)
    {
        context.Invites.AttributeJoin.Defer(attributed.Guild, attributed.User, attributed.Code, attributed.JoinedAt);
        context.Joins.Attribute.Defer(attributed.Guild, attributed.User, attributed.Code, attributed.JoinedAt);
    }
}
