namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>
/// A moment a thread was archived or locked (<c>threadClosings</c>, from its <c>thread_metadata</c>): an archive at its
/// <c>archive_timestamp</c> (so replays of the same archive add nothing), a lock without an archive at the first time it
/// was seen locked. A thread resolves at its first closing after its first response (<see cref="Analytics.SupportSignalsQuery"/>).
/// </summary>
public sealed class ThreadClosing
{
    public long GuildId { get; set; }

    public long ThreadId { get; set; }

    public long ClosedAt { get; set; }

    /// <summary>Seen locked but not archived: kept once per thread, since its moment is only when we saw it.</summary>
    public bool ByLock { get; set; }
}
