using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// Members whose messages grew most against the previous window of equal length (summary <c>risingMembers</c>,
/// the offline "rising members" rule): member rollups of both windows in one grouped read, members with more
/// messages now than before, by the increase (desc) then user id, at most <see cref="MaxRising"/>. Bots only with
/// IncludeBots. A member silent in the previous window rises from 0.
/// </summary>
public sealed class RisingMembersQuery(IDbContextFactory<AnalyticsDbContext> contexts)
{
    public const int MaxRising = 3;

    public async Task<IReadOnlyList<RisingMember>> RunAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        var (guild, start, end, bots) = ((long)query.GuildId, query.Window.StartDay, query.Window.EndDay, query.IncludeBots);
        var previousStart = query.Previous.Window.StartDay;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var visible = await VisibleMembers.LoadAsync(db, guild, cancellationToken);

        var growth = db.MemberDailyRollups
            .Where(r => r.GuildId == guild && r.Day >= previousStart && r.Day < end && (bots || !r.IsBot))
            .GroupBy(r => r.UserId)
            .Select(g => new
            {
                UserId = g.Key,
                Current = g.Sum(r => r.Day >= start ? r.MessagesSent : 0),
                Previous = g.Sum(r => r.Day < start ? r.MessagesSent : 0),
            })
            .Where(x => x.Current > x.Previous);
        // Hidden members still count in every total; they are never listed.
        var rising = await visible.Listed(growth, x => x.UserId)
            .OrderByDescending(x => x.Current - x.Previous)
            .ThenBy(x => x.UserId)
            .Take(MaxRising)
            .ToListAsync(cancellationToken);

        var ids = rising.Select(x => x.UserId).ToList();
        var names = await db.Members
            .Where(m => m.GuildId == guild && ids.Contains(m.UserId))
            .ToDictionaryAsync(m => m.UserId, m => m.DisplayName, cancellationToken);
        return [.. rising.Select(x => new RisingMember(x.UserId.ToString(), Names.OrId(names.GetValueOrDefault(x.UserId), x.UserId), x.Current, x.Previous))];
    }
}
