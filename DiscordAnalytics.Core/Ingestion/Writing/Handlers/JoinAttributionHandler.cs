using DiscordAnalytics.Core.Ingestion.Writing.Events;

namespace DiscordAnalytics.Core.Ingestion.Writing.Handlers;

/// <summary>Stores which invite brought a join with the member (code, or unknown), for that join only.</summary>
internal sealed class JoinAttributionHandler(WriteContext context)
{
    public void Apply(JoinAttributed attributed) =>
        context.Invites.AttributeJoin.Defer(attributed.Guild, attributed.User, attributed.Code, attributed.JoinedAt);
}
