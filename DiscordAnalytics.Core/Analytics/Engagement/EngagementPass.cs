using DiscordAnalytics.Core.Analytics.MemberDays;
using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Core.Analytics.Engagement;

/// <summary>
/// DAU, WAU and MAU of every day of a window in one pass over its member days and the 29 days before it: each member-day
/// is read once. A member active on day <c>a</c> counts in the week of every day from <c>a</c> to <c>a + 6</c> and in the
/// month of every day from <c>a</c> to <c>a + 29</c>; the days are visited in order, so of that run only the days past
/// what the member's previous active day already covered are new, and each member adds at most one to a day's week and
/// month (distinct members, exactly). With <paramref name="only"/> (a role filter: true at the member-day index of each
/// holder), only those members are counted.
/// </summary>
internal static class EngagementPass
{
    /// <summary>The figures of days [<paramref name="start"/>, <paramref name="end"/>), from the member days from <paramref name="first"/> on.</summary>
    public static List<EngagementDay> Days(GuildMemberDays guild, int first, int start, int end, bool bots, bool[]? only)
    {
        var length = end - first;
        var dau = new long[length];

        // Per day offset, how many members start (+1) and stop (-1) counting in its week and month: a running sum is the figure.
        var (weekSteps, monthSteps) = (new long[length + 1], new long[length + 1]);

        // Per member, the day offset its week and month runs so far reach to (excluded; 0: none yet).
        var (weekTo, monthTo) = (new int[guild.MemberCount], new int[guild.MemberCount]);
        for (var offset = 0; offset < length; offset++)
        {
            if (guild.Day(first + offset) is not { } day)
            {
                continue;
            }

            for (var i = 0; i < day.Count; i++)
            {
                var member = day.MemberAt(i);
                if ((only is null || only[member]) && day.IsActiveAt(i, bots))
                {
                    dau[offset]++;
                    Cover(weekTo, weekSteps, member, offset, EngagementQuery.WeekDays, length);
                    Cover(monthTo, monthSteps, member, offset, EngagementQuery.MonthDays, length);
                }
            }
        }

        var days = new List<EngagementDay>(end - start);
        var (wau, mau) = (0L, 0L);
        for (var offset = 0; offset < length; offset++)
        {
            (wau, mau) = (wau + weekSteps[offset], mau + monthSteps[offset]);
            if (first + offset >= start)
            {
                days.Add(new EngagementDay(DayBucket.ToDate(first + offset), dau[offset], wau, mau));
            }
        }

        return days;
    }

    /// <summary>The member active on day <paramref name="offset"/> counts in the runs of <paramref name="run"/> days ending on it and the days after.</summary>
    private static void Cover(int[] coveredTo, long[] steps, int member, int offset, int run, int length)
    {
        var (from, to) = (Math.Max(offset, coveredTo[member]), Math.Min(offset + run, length));
        steps[from]++;
        steps[to]--;
        coveredTo[member] = to;
    }
}
