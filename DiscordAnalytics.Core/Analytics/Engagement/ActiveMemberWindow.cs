using DiscordAnalytics.Core.Analytics.MemberDays;

namespace DiscordAnalytics.Core.Analytics.Engagement;

/// <summary>
/// The distinct active members of a sliding run of days: how many of its days each member was active on, and how many
/// members have at least one. Days enter at the front and leave at the back, each exactly once.
/// </summary>
internal sealed class ActiveMemberWindow(int members)
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
            if (day.IsActiveAt(i, bots) && _activeDays[day.MemberAt(i)]++ == 0)
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
            if (day.IsActiveAt(i, bots) && --_activeDays[day.MemberAt(i)] == 0)
            {
                Distinct--;
            }
        }
    }
}
