namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>
/// One thread's support facts (<c>supportThreads</c>): its starter and first responses, kept by the ingestion writer in
/// the transaction that changes any of the thread's messages, so support signals read one row per thread instead of
/// its messages. Kept for every thread, whatever its parent: which parents are help channels is a setting, applied
/// when the row is read. Rules: <see cref="Analytics.SupportSignalsQuery"/>.
/// </summary>
public sealed class SupportThread
{
    public long GuildId { get; set; }

    public long ThreadId { get; set; }

    /// <summary>When its starter (earliest message, the one it was started from included) was created (unix ms).</summary>
    public long StartedAt { get; set; }

    /// <summary>The starter's author; null once that member was forgotten.</summary>
    public long? StarterAuthorId { get; set; }

    public bool StarterIsBot { get; set; }

    /// <summary>The starter was deleted, or is a tombstone never created: the thread is skipped.</summary>
    public bool StarterGone { get; set; }

    /// <summary>The first later message by another human (not deleted), when there is one.</summary>
    public long? FirstResponseAt { get; set; }

    /// <summary>The same, bots counted as responders (<c>IncludeBots</c>).</summary>
    public long? FirstResponseWithBotsAt { get; set; }
}
