using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// Messages per hour of the day (UTC) over a window (summary <c>hourly</c>, the offline "best posting hour"):
/// message facts created in the window, not deleted, bots only with IncludeBots, grouped by
/// <c>createdAt / 3,600,000 mod 24</c>. All 24 hours are listed, zero-filled.
/// </summary>
/// <remarks>
/// Read from message facts over the (guildId, day) index, like the keywords of support signals. This is the one
/// place that knows where hourly numbers come from: an hourly rollup can replace the read without touching
/// the summary or the insight rules.
/// </remarks>
public sealed class HourlyActivityQuery(IDbContextFactory<AnalyticsDbContext> contexts)
{
    private const long HourMs = 3_600_000;

    public async Task<IReadOnlyList<HourlyActivity>> RunAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        var (guild, start, end, bots) = ((long)query.GuildId, query.Window.StartDay, query.Window.EndDay, query.IncludeBots);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = await db.MessageFacts
            .Where(m => m.GuildId == guild && m.Day >= start && m.Day < end && m.IsCreated && m.DeletedAt == null && (bots || !m.IsBot))
            .GroupBy(m => m.CreatedAt / HourMs % 24)
            .Select(g => new { Hour = g.Key, Messages = g.LongCount() })
            .ToDictionaryAsync(x => (int)x.Hour, x => x.Messages, cancellationToken);
        return [.. Enumerable.Range(0, 24).Select(hour => new HourlyActivity(hour, counts.GetValueOrDefault(hour)))];
    }
}
