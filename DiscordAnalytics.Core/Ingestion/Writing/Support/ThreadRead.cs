namespace DiscordAnalytics.Core.Ingestion.Writing.Support;

/// <summary>
/// What a batch's one read of its threads found for one thread (PostgreSQL: <see cref="SupportReadsOnPostgres"/>): the
/// message it was started from, and its first messages in time order, all of them when <paramref name="Complete"/>.
/// </summary>
internal sealed record ThreadRead(ThreadMessage? Origin, List<ThreadMessage> Messages, bool Complete)
{
    /// <summary>A thread with no stored message at all.</summary>
    public static ThreadRead Nothing => new(null, [], Complete: true);
}
