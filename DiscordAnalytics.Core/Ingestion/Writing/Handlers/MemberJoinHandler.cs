using DiscordAnalytics.Core.Ingestion.Writing.Events;
using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Core.Ingestion.Writing.Handlers;

/// <summary>Stores a join (the member present again, their first week starting now, a row of its own) and counts it.</summary>
internal sealed class MemberJoinHandler(WriteContext context)
{
    public void Apply(MemberJoined joined)
    {
        context.Sql.MemberJoined.Defer(joined.Guild, joined.User, joined.Name, joined.IsBot, joined.At);
        context.Joins.CloseEarlierStays.Defer(joined.Guild, joined.User, joined.At);
        context.Joins.InsertJoin.Defer(joined.Guild, joined.User, joined.At, joined.IsBot);
        context.Activation.JoinedAt(joined.Guild, joined.User, joined.At);
        context.Deltas.Guild(joined.Guild, DayBucket.FromUnixMs(joined.At), joined.IsBot).Joins++;
        if (joined.Roles is { } roles)
        {
            context.Roles.Observe(joined.Guild, joined.User, roles, joined.At, joined: true);
        }
    }
}
