using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>Messages, reactions and active members per UTC day of a window (the activity chart).</summary>
public sealed class DailyActivityQuery(IDbContextFactory<AnalyticsDbContext> contexts)
{
    public async Task<IReadOnlyList<DailyActivity>> RunAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        var (guild, start, end, bots) = ((long)query.GuildId, query.Window.StartDay, query.Window.EndDay, query.IncludeBots);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var counts = await db.ChannelDailyRollups
            .Where(r => r.GuildId == guild && r.Day >= start && r.Day < end && (bots || !r.IsBot))
            .GroupBy(r => r.Day)
            .Select(g => new { Day = g.Key, Messages = g.Sum(r => r.MessageCount), Reactions = g.Sum(r => r.ReactionCount) })
            .ToDictionaryAsync(x => x.Day, cancellationToken);

        var active = await db.MemberDailyRollups
            .Where(r => r.GuildId == guild && r.Day >= start && r.Day < end && (bots || !r.IsBot) && (r.MessagesSent > 0 || r.ReactionsAdded > 0))
            .GroupBy(r => r.Day)
            .Select(g => new { Day = g.Key, Members = g.Count() })
            .ToDictionaryAsync(x => x.Day, x => x.Members, cancellationToken);

        var days = new List<DailyActivity>(query.Window.Length);
        for (var day = start; day < end; day++)
        {
            var c = counts.GetValueOrDefault(day);
            days.Add(new DailyActivity(DayBucket.ToDate(day), c?.Messages ?? 0, c?.Reactions ?? 0, active.GetValueOrDefault(day)));
        }

        return days;
    }
}
