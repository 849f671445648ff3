using DiscordAnalytics.Core.Analytics.MemberDays;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// Messages, reactions and active members per UTC day of a window (the activity chart): counts from the channel
/// rollups, active members from the member days in memory (<see cref="MemberDayIndex"/>, each day counted once per change).
/// </summary>
public sealed class DailyActivityQuery(IDbContextFactory<AnalyticsDbContext> contexts, MemberDayIndex memberDays)
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

        var active = await memberDays.ReadAsync(
            guild,
            start,
            end,
            g => Enumerable.Range(start, end - start).ToDictionary(day => day, day => g.Day(day)?.ActiveMembers(bots) ?? 0),
            cancellationToken);

        var days = new List<DailyActivity>(query.Window.Length);
        for (var day = start; day < end; day++)
        {
            var c = counts.GetValueOrDefault(day);
            days.Add(new DailyActivity(DayBucket.ToDate(day), c?.Messages ?? 0, c?.Reactions ?? 0, active.GetValueOrDefault(day)));
        }

        return days;
    }
}
