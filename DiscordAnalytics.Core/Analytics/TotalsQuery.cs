using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>Headline totals of a window, from the daily rollups only.</summary>
public sealed class TotalsQuery(IDbContextFactory<AnalyticsDbContext> contexts)
{
    public async Task<Totals> RunAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        var (guild, start, end, bots) = ((long)query.GuildId, query.Window.StartDay, query.Window.EndDay, query.IncludeBots);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // One group (or none): read as a list, so EF has no unordered First to warn about on every summary.
        var channels = (await db.ChannelDailyRollups
            .Where(r => r.GuildId == guild && r.Day >= start && r.Day < end && (bots || !r.IsBot))
            .GroupBy(r => 1)
            .Select(g => new
            {
                Messages = g.Sum(r => r.MessageCount),
                Reactions = g.Sum(r => r.ReactionCount),
                Threads = g.Sum(r => r.ThreadCount),
                Deleted = g.Sum(r => r.DeletedCount),
            })
            .ToListAsync(cancellationToken)).SingleOrDefault();

        var members = db.MemberDailyRollups.Where(r => r.GuildId == guild && r.Day >= start && r.Day < end && (bots || !r.IsBot));
        // Active members and reactors in one pass over the member-days (each member's most reactions on a day).
        var activeMembers = await members
            .Where(r => r.MessagesSent > 0 || r.ReactionsAdded > 0)
            .GroupBy(r => r.UserId)
            .Select(g => g.Max(r => r.ReactionsAdded))
            .ToListAsync(cancellationToken);
        var active = activeMembers.Count;
        var reactors = activeMembers.Count(reactions => reactions > 0);

        var membership = (await db.GuildDailyRollups
            .Where(r => r.GuildId == guild && r.Day >= start && r.Day < end && (bots || !r.IsBot))
            .GroupBy(r => 1)
            .Select(g => new { Joins = g.Sum(r => r.Joins), Leaves = g.Sum(r => r.Leaves) })
            .ToListAsync(cancellationToken)).SingleOrDefault();

        return new Totals(
            channels?.Messages ?? 0,
            channels?.Reactions ?? 0,
            channels?.Threads ?? 0,
            active,
            reactors,
            membership?.Joins ?? 0,
            membership?.Leaves ?? 0,
            channels?.Deleted ?? 0);
    }
}
