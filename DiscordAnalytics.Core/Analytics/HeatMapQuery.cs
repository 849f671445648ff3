using DiscordAnalytics.Core.Analytics.ChannelDays;
using DiscordAnalytics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// The heat map: messages of the window (its UTC instants, the same messages as the totals) per weekday and hour
/// in the guild's time zone, from the quarter-hour rollups. Bots only with IncludeBots.
/// </summary>
public sealed class HeatMapQuery(IDbContextFactory<AnalyticsDbContext> contexts, ChannelDayIndex channelDays)
{
    public async Task<HeatMap> RunAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        var (cells, zone) = await LocalHourBuckets.CountAsync(contexts, channelDays, query, cancellationToken);
        return new HeatMap(zone, cells);
    }
}
