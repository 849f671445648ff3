namespace DiscordAnalytics.Core.Ingestion;

/// <summary>
/// A thread's state as a channel event carries it (<c>thread_metadata</c> and <c>applied_tags</c>): what resolution
/// reads (docs/how-it-counts.md, support).
/// </summary>
/// <param name="ArchivedAt"><c>archive_timestamp</c> (epoch ms): when the archive status last changed; null when not said.</param>
/// <param name="AppliedTagIds">The forum tags applied to the post (empty outside forums).</param>
public sealed record ThreadStatus(bool Archived, bool Locked, long? ArchivedAt, RoleIdList AppliedTagIds);
