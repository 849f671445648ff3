using DiscordAnalytics.Core.Analytics.MemberDays;

namespace DiscordAnalytics.Core.Analytics.Engagement;

/// <summary>
/// The distinct active members of a sliding run of days: how many of its days each member was active on, and how many
/// members have at least one. Days enter at the front and leave at the back, each exactly once. With <paramref name="only"/>
/// (a role filter: true at the member-day index of each holder), only those members are counted.
/// </summary>
internal sealed class ActiveMemberWindow(int members, bool[]? only = null)
{
    private readonly int[] _activeDays = new int[members];

    public long Distinct { get; private set; }

    public void Enter(MemberDay? day, bool bots)
    {
        if (day is null)
        {
            return;
        }

        for (var i = 0; i < day.Count; i++)
        {
            if (Counts(day, i, bots, only) && _activeDays[day.MemberAt(i)]++ == 0)
            {
                Distinct++;
            }
        }
    }

    public void Leave(MemberDay? day, bool bots)
    {
        if (day is null)
        {
            return;
        }

        for (var i = 0; i < day.Count; i++)
        {
            if (Counts(day, i, bots, only) && --_activeDays[day.MemberAt(i)] == 0)
            {
                Distinct--;
            }
        }
    }

    /// <summary>Members active on <paramref name="day"/> (bots only with <paramref name="bots"/>), only those of <paramref name="only"/> when given.</summary>
    public static long ActiveOn(MemberDay? day, bool bots, bool[]? only)
    {
        if (day is null)
        {
            return 0;
        }

        if (only is null)
        {
            return day.ActiveMembers(bots);
        }

        var count = 0L;
        for (var i = 0; i < day.Count; i++)
        {
            count += Counts(day, i, bots, only) ? 1 : 0;
        }

        return count;
    }

    /// <summary>The holder mask first: under a role filter most of a day's members are not holders, and that is one read.</summary>
    private static bool Counts(MemberDay day, int position, bool bots, bool[]? only) =>
        (only is null || only[day.MemberAt(position)]) && day.IsActiveAt(position, bots);
}
