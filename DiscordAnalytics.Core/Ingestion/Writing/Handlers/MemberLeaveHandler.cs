using DiscordAnalytics.Core.Ingestion.Writing.Events;
using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Core.Ingestion.Writing.Handlers;

/// <summary>Stores a leave and counts it, once per stay.</summary>
internal sealed class MemberLeaveHandler(WriteContext context)
{
    public void Apply(MemberLeft left)
    {
        // A member who already left (a redelivered leave: it has no id to dedupe by) leaves no second time.
        if (context.Sql.MemberLeft.Execute(left.Guild, left.User, left.IsBot, left.At) == 1)
        {
            context.Deltas.Guild(left.Guild, DayBucket.FromUnixMs(left.At), left.IsBot).Leaves++;
        }

        context.Joins.Leave.Defer(left.Guild, left.User, left.At);

        context.Roles.Left(left.Guild, left.User, left.At);
    }
}
