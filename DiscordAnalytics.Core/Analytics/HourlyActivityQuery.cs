using DiscordAnalytics.Core.Analytics.ChannelDays;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// Messages per hour of the day over a window (summary <c>hourly</c>, the offline "best posting hour"), in the
/// guild's time zone (the summary's <c>window.timeZone</c>): present messages created in the window, bots only
/// with IncludeBots. All 24 hours are listed, zero-filled. Read from the quarter-hour rollups, like the heat map.
/// </summary>
public sealed class HourlyActivityQuery(IDbContextFactory<AnalyticsDbContext> contexts, ChannelDayIndex channelDays)
{
    public async Task<IReadOnlyList<HourlyActivity>> RunAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        var (cells, _) = await LocalHourBuckets.CountAsync(contexts, channelDays, query, cancellationToken);
        return [.. Enumerable.Range(0, 24).Select(hour => new HourlyActivity(hour, cells.Sum(day => day[hour])))];
    }
}
