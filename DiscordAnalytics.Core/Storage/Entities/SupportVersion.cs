namespace DiscordAnalytics.Core.Storage.Entities;

/// <summary>
/// How many times one guild's support facts changed (<c>supportVersions</c>): its help threads' and questions' rows, the
/// messages that ask, answer, escalate or end a run, role mentions, thread tags and closings, forum solved tags, and
/// reactions (mentors count those on answers). Stepped
/// by the ingestion writer in the transaction of the change (every writer of these facts is that writer: the app's,
/// another instance, the bench's generator). The support signals keep a guild's help threads and questions in memory
/// at this version and read them again when it moved without them being told (absent: version 0).
/// </summary>
public sealed class SupportVersion
{
    public long GuildId { get; set; }

    public long Version { get; set; }
}
