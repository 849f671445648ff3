using DiscordAnalytics.Core.Analytics.MemberDays;

namespace DiscordAnalytics.Core.Analytics.Engagement;

/// <summary>
/// Brings a held day's DAU, WAU and MAU (<see cref="HeldEngagementDay"/>) up to the member days as they are now, from the
/// flips the days logged since (<see cref="MemberDay.FlipsSince"/>): only the members whose activity on one of its 30 days
/// flipped can change its figures, and for each of them whether they count in the day, its week and its month is
/// compared before and after. Exact: a day whose log does not reach back to the held version, or too many flipped
/// members, makes the caller count the day again.
/// </summary>
internal static class HeldDayUpdate
{
    /// <summary>Most flipped members followed one by one; past that counting the day again is cheaper.</summary>
    private const int MostMembers = 256;

    /// <summary>
    /// The held day <paramref name="day"/> brought forward, or null when it has to be counted again. With
    /// <paramref name="only"/> (a role filter's holders: true at the member-day index of each holder) the flips of other members are skipped.
    /// </summary>
    public static HeldEngagementDay? Apply(GuildMemberDays guild, int day, HeldEngagementDay held, long[] versions, bool bots, bool[]? only)
    {
        var first = day - (EngagementQuery.MonthDays - 1);

        // Per flipped member, whether they counted on each changed day at the held version: the first flip's "before".
        var before = new Dictionary<int, Dictionary<int, bool>>();
        for (var i = 0; i < versions.Length; i++)
        {
            if (versions[i] == held.Versions[i])
            {
                continue;
            }

            if (held.Versions[i] < 0 || guild.Day(first + i) is not { } now || !now.FlipsSince(held.Versions[i], out var flips))
            {
                return null;
            }

            foreach (var flip in flips)
            {
                if (only is not null && !only[flip.Member])
                {
                    continue;
                }

                if (!before.TryGetValue(flip.Member, out var days))
                {
                    if (before.Count == MostMembers)
                    {
                        return null;
                    }

                    before[flip.Member] = days = [];
                }

                days.TryAdd(first + i, flip.Before(bots));
            }
        }

        var (dau, wau, mau) = (held.Dau, held.Wau, held.Mau);
        foreach (var (member, changed) in before)
        {
            var (wasToday, wasWeek, wasMonth, isToday, isWeek, isMonth) = (false, false, false, false, false, false);
            for (var d = first; d <= day; d++)
            {
                var counts = guild.Day(d)?.CountsActive(member, bots) ?? false;
                var counted = changed.TryGetValue(d, out var then) ? then : counts;
                var inWeek = d > day - EngagementQuery.WeekDays;
                (wasMonth, isMonth) = (wasMonth || counted, isMonth || counts);
                (wasWeek, isWeek) = (wasWeek || (inWeek && counted), isWeek || (inWeek && counts));
                if (d == day)
                {
                    (wasToday, isToday) = (counted, counts);
                }
            }

            dau += Step(wasToday, isToday);
            wau += Step(wasWeek, isWeek);
            mau += Step(wasMonth, isMonth);
        }

        return new HeldEngagementDay(versions, dau, wau, mau);
    }

    private static long Step(bool was, bool now) => was == now ? 0 : now ? 1 : -1;
}
