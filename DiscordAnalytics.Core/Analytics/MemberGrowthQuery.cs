using DiscordAnalytics.Core.Analytics.Roles;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// Joins, leaves and net growth per UTC day of a window, with totals for it and the previous window (summary
/// <c>memberGrowth</c>, the Members card): one grouped read of the guild daily rollups over both windows. The previous
/// window is cut to the same elapsed time as this one (<see cref="ComparisonWindow"/>: whole days from the rollups, the
/// cut day's first hours from <see cref="PartialDayTotals"/>). Bot joins and leaves only with IncludeBots.
/// With a role filter (<see cref="AnalyticsQuery.RoleId"/>) the joins and leaves are the role holders' (<see cref="HoldersGrowth"/>).
/// </summary>
public sealed class MemberGrowthQuery(IDbContextFactory<AnalyticsDbContext> contexts, TimeProvider time, HoldersGrowth holdersGrowth)
{
    public async Task<MemberGrowth> RunAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        var (guild, start, end, bots) = ((long)query.GuildId, query.Window.StartDay, query.Window.EndDay, query.IncludeBots);
        var span = ComparisonWindow.Before(query.Window, time.GetUtcNow().ToUnixTimeMilliseconds());
        if (query.RoleId is not null)
        {
            return await holdersGrowth.OfQueryAsync(query, span, cancellationToken);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var counts = await db.GuildDailyRollups
            .Where(r => r.GuildId == guild && r.Day >= span.StartDay && r.Day < end && (bots || !r.IsBot))
            .GroupBy(r => r.Day)
            .Select(g => new { Day = g.Key, Joins = g.Sum(r => r.Joins), Leaves = g.Sum(r => r.Leaves) })
            .ToDictionaryAsync(x => x.Day, cancellationToken);
        var cut = span.HasPartialDay
            ? await PartialDayTotals.MembershipAsync(db, guild, span.CutDay, span.EndAt, bots, cancellationToken)
            : (Joins: 0, Leaves: 0);

        var daily = new List<MemberGrowthDay>(query.Window.Length);
        for (var day = start; day < end; day++)
        {
            var c = counts.GetValueOrDefault(day);
            var (joins, leaves) = (c?.Joins ?? 0, c?.Leaves ?? 0);
            daily.Add(new MemberGrowthDay(DayBucket.ToDate(day), joins, leaves, joins - leaves));
        }

        var previous = counts.Values.Where(x => x.Day < span.CutDay).ToList();
        var (previousJoins, previousLeaves) = (previous.Sum(x => x.Joins) + cut.Joins, previous.Sum(x => x.Leaves) + cut.Leaves);
        var (totalJoins, totalLeaves) = (daily.Sum(d => d.Joins), daily.Sum(d => d.Leaves));
        return new MemberGrowth(
            totalJoins, totalLeaves, totalJoins - totalLeaves,
            previousJoins, previousLeaves, previousJoins - previousLeaves,
            daily);
    }
}
