namespace DiscordAnalytics.Core.Storage.MemberDays;

/// <summary>
/// Several copies kept by the member-day version (the member days, the voice days) told the same commits, in order: the
/// writer has one listener.
/// </summary>
public sealed class MemberDayListeners(params IMemberDayListener[] listeners) : IMemberDayListener
{
    public void Committed(IReadOnlyList<MemberDayCommit> commits)
    {
        foreach (var listener in listeners)
        {
            listener.Committed(commits);
        }
    }
}
