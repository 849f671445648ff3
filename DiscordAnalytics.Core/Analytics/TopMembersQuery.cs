using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// Members ranked by activity (messages + reactions), messages or reactions in a window. Each listed member
/// also carries their numbers in the previous window (one more grouped read of the rollups).
/// </summary>
public sealed class TopMembersQuery(IDbContextFactory<AnalyticsDbContext> contexts)
{
    public async Task<IReadOnlyList<MemberStat>> RunAsync(AnalyticsQuery query, MemberRanking ranking, CancellationToken cancellationToken)
    {
        var (guild, start, end, bots) = ((long)query.GuildId, query.Window.StartDay, query.Window.EndDay, query.IncludeBots);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var visible = await VisibleMembers.LoadAsync(db, guild, cancellationToken);

        var sums = db.MemberDailyRollups
            .Where(r => r.GuildId == guild && r.Day >= start && r.Day < end && (bots || !r.IsBot))
            .GroupBy(r => r.UserId)
            .Select(g => new
            {
                UserId = g.Key,
                Messages = g.Sum(r => r.MessagesSent),
                Reactions = g.Sum(r => r.ReactionsAdded),
                Threads = g.Sum(r => r.ThreadsStarted),
            })
            .Where(x => x.Messages > 0 || x.Reactions > 0 || x.Threads > 0);
        // Hidden members count in every total but are never listed.
        sums = visible.Listed(sums, x => x.UserId);

        var ranked = ranking switch
        {
            MemberRanking.ByMessages => sums.OrderByDescending(x => x.Messages).ThenByDescending(x => x.Reactions).ThenBy(x => x.UserId),
            MemberRanking.ByReactions => sums.OrderByDescending(x => x.Reactions).ThenByDescending(x => x.Messages).ThenBy(x => x.UserId),
            _ => sums.OrderByDescending(x => x.Messages + x.Reactions).ThenBy(x => x.UserId),
        };
        var top = await ranked.Take(query.Top).ToListAsync(cancellationToken);

        var ids = top.Select(x => x.UserId).ToList();
        var names = await db.Members
            .Where(m => m.GuildId == guild && ids.Contains(m.UserId))
            .ToDictionaryAsync(m => m.UserId, m => m.DisplayName, cancellationToken);

        var (previousStart, previousEnd) = (query.Window.Previous.StartDay, query.Window.Previous.EndDay);
        var previous = await db.MemberDailyRollups
            .Where(r => r.GuildId == guild && r.Day >= previousStart && r.Day < previousEnd && (bots || !r.IsBot) && ids.Contains(r.UserId))
            .GroupBy(r => r.UserId)
            .Select(g => new { UserId = g.Key, Messages = g.Sum(r => r.MessagesSent), Reactions = g.Sum(r => r.ReactionsAdded) })
            .ToDictionaryAsync(x => x.UserId, cancellationToken);

        return [.. top.Select(x => new MemberStat(
            x.UserId.ToString(),
            Names.OrId(names.GetValueOrDefault(x.UserId), x.UserId),
            x.Messages,
            x.Reactions,
            x.Threads)
        {
            PreviousMessagesSent = previous.GetValueOrDefault(x.UserId)?.Messages ?? 0,
            PreviousReactionsAdded = previous.GetValueOrDefault(x.UserId)?.Reactions ?? 0,
        })];
    }
}
