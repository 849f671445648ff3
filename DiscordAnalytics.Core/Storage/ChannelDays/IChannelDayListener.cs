namespace DiscordAnalytics.Core.Storage.ChannelDays;

/// <summary>
/// Told by the ingestion writer, on its thread and right after each commit, what the batch changed in one guild's channel
/// rollups, quarter-hour counts and top content per UTC day, with each day's new version. A copy kept in memory applies a
/// commit only when it holds the day at the version just before it; any other difference is found by comparing stored
/// versions, so a listener that misses a commit (another writer, a restart) is never wrong, only slower once.
/// </summary>
public interface IChannelDayListener
{
    void Committed(IReadOnlyList<ChannelDayCommit> commits);
}
