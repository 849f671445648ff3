namespace DiscordAnalytics.Core.Storage.SupportCommits;

/// <summary>
/// Told by the ingestion writer, on its thread and right after each commit, which help threads and channel stretches of
/// a guild had their support facts recomputed, with the guild's new <see cref="Entities.SupportVersion"/>. A copy kept in
/// memory takes a commit only when it holds the guild at the version just before; any other difference is found by
/// comparing the stored version, so a listener that misses a commit (another writer, a restart) is never wrong, only
/// slower once.
/// </summary>
public interface ISupportListener
{
    void Committed(IReadOnlyList<SupportCommit> commits);
}
