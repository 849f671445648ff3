namespace DiscordAnalytics.Core.Storage.MemberDays;

/// <summary>
/// Told by the ingestion writer, on its thread and right after each commit, what the batch changed in the member
/// rollups, in the order it changed them. A copy kept in memory applies a commit only when it holds the day at the
/// version just before it; any other difference is found by comparing stored versions, so a listener that misses a
/// commit (another writer, a restart) is never wrong, only slower once.
/// </summary>
public interface IMemberDayListener
{
    void Committed(IReadOnlyList<MemberDayCommit> commits);
}
