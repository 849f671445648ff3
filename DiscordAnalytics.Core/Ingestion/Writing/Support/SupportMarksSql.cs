namespace DiscordAnalytics.Core.Ingestion.Writing.Support;

/// <summary>
/// The statements that keep what escalations and resolution read (<c>messageRoleMentions</c>, <c>forumSolvedTags</c>,
/// <c>threadTags</c>, <c>threadClosings</c>), in the dialect both providers run (see <see cref="Sql.IngestionSql"/>).
/// Each keeps its row idempotent: the same observation twice, or an older one after a newer, changes nothing.
/// </summary>
internal static class SupportMarksSql
{
    public const string InsertRoleMention = """
        INSERT INTO messageRoleMentions (guildId, messageId, roleId) VALUES (@p0, @p1, @p2)
        ON CONFLICT DO NOTHING
        """;

    public const string DeleteForumSolvedTags = "DELETE FROM forumSolvedTags WHERE guildId = @p0 AND channelId = @p1";

    public const string InsertForumSolvedTag = """
        INSERT INTO forumSolvedTags (guildId, channelId, tagId) VALUES (@p0, @p1, @p2)
        ON CONFLICT DO NOTHING
        """;

    /// <summary>A tag seen on a post: the earliest observation stays.</summary>
    public const string UpsertThreadTag = """
        INSERT INTO threadTags (guildId, threadId, tagId, firstSeenAt) VALUES (@p0, @p1, @p2, @p3)
        ON CONFLICT (guildId, threadId, tagId) DO UPDATE SET firstSeenAt =
            CASE WHEN excluded.firstSeenAt < threadTags.firstSeenAt THEN excluded.firstSeenAt ELSE threadTags.firstSeenAt END
        """;

    /// <summary>An archive at its archive time: the same archive seen again is the same row.</summary>
    public const string InsertArchive = """
        INSERT INTO threadClosings (guildId, threadId, closedAt, byLock) VALUES (@p0, @p1, @p2, FALSE)
        ON CONFLICT DO NOTHING
        """;

    /// <summary>A lock seen without an archive: first a later lock observation of the thread goes ...</summary>
    public const string DeleteLaterLock = """
        DELETE FROM threadClosings WHERE guildId = @p0 AND threadId = @p1 AND byLock AND closedAt > @p2
        """;

    /// <summary>... then this one is kept unless an earlier (or the same) one is: one lock row per thread, the earliest.</summary>
    public const string InsertFirstLock = """
        INSERT INTO threadClosings (guildId, threadId, closedAt, byLock)
        SELECT @p0, @p1, @p2, TRUE
        WHERE NOT EXISTS (SELECT 1 FROM threadClosings WHERE guildId = @p3 AND threadId = @p4 AND byLock)
        ON CONFLICT DO NOTHING
        """;
}
