namespace DiscordAnalytics.Core.Analytics.Mentors;

/// <summary>
/// The held mentors' changes since their day summaries were last patched: the items and answer messages touched, and per
/// UTC day with a kept summary the parts they took out (as they were when first touched) and put in (as they are when
/// the changes are applied).
/// </summary>
internal sealed class MentorDayChanges
{
    public HashSet<long> Items { get; } = [];

    public HashSet<long> Messages { get; } = [];

    public Dictionary<int, (MentorDaySummary Taken, MentorDaySummary Put)> Days { get; } = [];

    public MentorDaySummary Taken(int day) => Of(day).Taken;

    public MentorDaySummary Put(int day) => Of(day).Put;

    public void Clear()
    {
        Items.Clear();
        Messages.Clear();
        Days.Clear();
    }

    private (MentorDaySummary Taken, MentorDaySummary Put) Of(int day)
    {
        if (!Days.TryGetValue(day, out var parts))
        {
            Days[day] = parts = (new MentorDaySummary(), new MentorDaySummary());
        }

        return parts;
    }
}
