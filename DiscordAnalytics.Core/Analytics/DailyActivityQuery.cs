using DiscordAnalytics.Core.Analytics.ChannelDays;
using DiscordAnalytics.Core.Analytics.MemberDays;
using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// Messages, reactions and active members per UTC day of a window (the activity chart): counts from the channel
/// rollups summed per day in memory (<see cref="ChannelDayIndex"/>), active members from the member days in memory
/// (<see cref="MemberDayIndex"/>); each day is read from the store once per change.
/// </summary>
public sealed class DailyActivityQuery(ChannelDayIndex channelDays, MemberDayIndex memberDays)
{
    public async Task<IReadOnlyList<DailyActivity>> RunAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        var (guild, start, end, bots) = ((long)query.GuildId, query.Window.StartDay, query.Window.EndDay, query.IncludeBots);
        var counts = await channelDays.ReadAsync(
            guild,
            start,
            end,
            ChannelDayParts.Counts,
            day => Enumerable.Range(start, end - start).ToDictionary(d => d, d => day(d).Counts(bots)),
            cancellationToken);

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
            days.Add(new DailyActivity(DayBucket.ToDate(day), c.Messages, c.Reactions, active.GetValueOrDefault(day)));
        }

        return days;
    }
}
