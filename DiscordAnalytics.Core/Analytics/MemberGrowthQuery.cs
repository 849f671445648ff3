using DiscordAnalytics.Core.Analytics.Roles;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// Joins, leaves and net growth per UTC day of a window, with totals for it and the previous window (summary
/// <c>memberGrowth</c>, the Members card): one grouped read of the guild daily rollups over both windows. The previous
/// window is cut to the same elapsed time as this one (<see cref="ComparisonWindow"/>: whole days from the rollups, the
/// cut day's first hours from <see cref="PartialDayTotals"/>). Bot joins and leaves only with IncludeBots.
/// With a role filter (<see cref="AnalyticsQuery.RoleId"/>) the joins and leaves are those of the members who held the
/// role at any time in the window (the previous window's: of those who held it then; <see cref="RoleHolders"/>), read
/// from the stored raw joins and leaves (the rollups have no member): so they reach back as far as the raw events are
/// kept (Retention:RawEventDays), and a leave counts once per stay, as the rollups count it.
/// </summary>
public sealed class MemberGrowthQuery(IDbContextFactory<AnalyticsDbContext> contexts, TimeProvider time, RoleHolders roleHolders)
{
    public async Task<MemberGrowth> RunAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        var (guild, start, end, bots) = ((long)query.GuildId, query.Window.StartDay, query.Window.EndDay, query.IncludeBots);
        var span = ComparisonWindow.Before(query.Window, time.GetUtcNow().ToUnixTimeMilliseconds());
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (query.RoleId is not null)
        {
            return await OfHoldersAsync(db, roleHolders, query, span, cancellationToken);
        }

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

    /// <summary>
    /// The role holders' joins and leaves, replayed per member over their stored raw joins and leaves up to the window's
    /// end: every join counts; a leave counts when the member was present (never seen leaving, or joined since). The
    /// Totals card's joins and leaves under a role filter are these too (<see cref="TotalsQuery"/>).
    /// </summary>
    internal static async Task<MemberGrowth> OfHoldersAsync(AnalyticsDbContext db, RoleHolders roleHolders, AnalyticsQuery query, ComparisonWindow span, CancellationToken cancellationToken)
    {
        var (guild, start, end, bots) = ((long)query.GuildId, query.Window.StartDay, query.Window.EndDay, query.IncludeBots);
        var (startAt, endAt) = (query.Window.StartAt, query.Window.EndAt);
        var holders = (await roleHolders.OfQueryAsync(query, startAt, endAt, cancellationToken))!;
        var previousHolders = (await roleHolders.OfQueryAsync(query, span.StartAt, span.EndAt, cancellationToken))!;
        // The guild's joins and leaves, matched with the holders in memory: a holder list in the statement (tens of
        // thousands of ids at the large scale) made the store test every event against it, seconds per call.
        var events = await db.AnalyticsEvents.AsNoTracking()
            .Where(e => e.GuildId == guild && e.KeyAt < endAt && (e.EventType == StoredEventTypes.MemberAdd || e.EventType == StoredEventTypes.MemberRemove))
            .Where(e => (bots || !e.IsBot) && e.UserId != null)
            .Select(e => new { UserId = e.UserId!.Value, e.KeyAt, Join = e.EventType == StoredEventTypes.MemberAdd })
            .ToListAsync(cancellationToken);

        var (joins, leaves) = (new long[end - start], new long[end - start]);
        var (previousJoins, previousLeaves) = (0L, 0L);
        foreach (var member in events.Where(e => holders.Contains(e.UserId) || previousHolders.Contains(e.UserId)).GroupBy(e => e.UserId))
        {
            var (current, previous) = (holders.Contains(member.Key), previousHolders.Contains(member.Key));
            var present = true;
            foreach (var e in member.OrderBy(e => e.KeyAt).ThenBy(e => e.Join ? 0 : 1))
            {
                var counted = e.Join || present;
                present = e.Join;
                if (!counted)
                {
                    continue;
                }

                if (current && e.KeyAt >= startAt)
                {
                    (e.Join ? joins : leaves)[DayBucket.FromUnixMs(e.KeyAt) - start]++;
                }
                else if (previous && e.KeyAt >= span.StartAt && e.KeyAt < span.EndAt)
                {
                    previousJoins += e.Join ? 1 : 0;
                    previousLeaves += e.Join ? 0 : 1;
                }
            }
        }

        var daily = new List<MemberGrowthDay>(end - start);
        for (var day = start; day < end; day++)
        {
            daily.Add(new MemberGrowthDay(DayBucket.ToDate(day), joins[day - start], leaves[day - start], joins[day - start] - leaves[day - start]));
        }

        var (totalJoins, totalLeaves) = (joins.Sum(), leaves.Sum());
        return new MemberGrowth(
            totalJoins, totalLeaves, totalJoins - totalLeaves,
            previousJoins, previousLeaves, previousJoins - previousLeaves,
            daily);
    }
}
