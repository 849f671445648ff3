using DiscordAnalytics.Core.Analytics.MemberDays;
using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Core.Analytics.Engagement;

/// <summary>
/// DAU, WAU and MAU per UTC day of a window, exact, from the member days in memory (<see cref="MemberDayIndex"/>):
/// a member is active on a day they posted, reacted or talked with others in voice there (<see cref="MemberDays.MemberDay.IsActiveAt(int)"/>,
/// the activity chart's rule; bots only with IncludeBots; hidden members count, as in every number). WAU and MAU slide over the days: each member-day of the
/// window and the 29 days before it is added once and removed once, so a year costs a pass over its member-days.
/// </summary>
public sealed class EngagementQuery(MemberDayIndex memberDays)
{
    public const int WeekDays = 7;
    public const int MonthDays = 30;

    public async Task<EngagementSeries> RunAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        var (start, end, bots) = (query.Window.StartDay, query.Window.EndDay, query.IncludeBots);
        var first = start - (MonthDays - 1);
        var days = await memberDays.ReadAsync((long)query.GuildId, first, end, g => Slide(g, first, start, end, bots), cancellationToken);
        return new EngagementSeries(days);
    }

    private static List<EngagementDay> Slide(GuildMemberDays guild, int first, int start, int end, bool bots)
    {
        var week = new ActiveMemberWindow(guild.MemberCount);
        var month = new ActiveMemberWindow(guild.MemberCount);
        var days = new List<EngagementDay>(end - start);
        for (var day = first; day < end; day++)
        {
            var today = guild.Day(day);
            week.Enter(today, bots);
            month.Enter(today, bots);
            if (day - WeekDays >= first)
            {
                week.Leave(guild.Day(day - WeekDays), bots);
            }

            if (day - MonthDays >= first)
            {
                month.Leave(guild.Day(day - MonthDays), bots);
            }

            if (day >= start)
            {
                days.Add(new EngagementDay(DayBucket.ToDate(day), today?.ActiveMembers(bots) ?? 0, week.Distinct, month.Distinct));
            }
        }

        return days;
    }
}
