namespace DiscordAnalytics.Core.Ingestion.Writing.Support;

/// <summary>
/// The statements that keep <c>supportThreads</c> and <c>supportQuestions</c>, in the dialect both providers run
/// (see <see cref="Sql.IngestionSql"/>). A message is gone when it was deleted or is a tombstone never created; a
/// counted message is one that is not gone and still has an author (a forgotten member's messages have none).
/// </summary>
internal static class SupportSql
{
    /// <summary>Where a message is: its channel, its thread (null in the channel itself) and its time.</summary>
    public const string SelectPlace = """
        SELECT channelId, threadId, createdAt FROM messageFacts WHERE guildId = @p0 AND messageId = @p1
        """;

    public const string IsThread = """
        SELECT count(*) FROM channels WHERE guildId = @p0 AND channelId = @p1 AND isThread
        """;

    /// <summary>The message a thread was started from (its id is the thread's), when it is in the parent channel.</summary>
    public const string SelectThreadOrigin = """
        SELECT messageId, authorId, isBot, createdAt, NOT isCreated OR deletedAt IS NOT NULL
        FROM messageFacts WHERE guildId = @p0 AND messageId = @p1 AND threadId IS NULL
        """;

    /// <summary>A thread's messages in time order (read until both first responses are found).</summary>
    public const string SelectThreadMessages = """
        SELECT messageId, authorId, isBot, createdAt, NOT isCreated OR deletedAt IS NOT NULL
        FROM messageFacts WHERE guildId = @p0 AND threadId = @p1
        ORDER BY createdAt, messageId
        """;

    public const string UpsertThread = """
        INSERT INTO supportThreads (guildId, threadId, startedAt, starterAuthorId, starterIsBot, starterGone, firstResponseAt, firstResponseWithBotsAt)
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7)
        ON CONFLICT (guildId, threadId) DO UPDATE SET
            startedAt = excluded.startedAt, starterAuthorId = excluded.starterAuthorId, starterIsBot = excluded.starterIsBot,
            starterGone = excluded.starterGone, firstResponseAt = excluded.firstResponseAt,
            firstResponseWithBotsAt = excluded.firstResponseWithBotsAt
        """;

    public const string DeleteThread = "DELETE FROM supportThreads WHERE guildId = @p0 AND threadId = @p1";

    /// <summary>PostgreSQL's <see cref="DeleteThread"/> for a batch's threads at once (see <see cref="SupportStatements"/>).</summary>
    public const string DeleteThreadRows = """
        DELETE FROM supportThreads t USING unnest($1::bigint[], $2::bigint[]) AS k(guildId, threadId)
        WHERE t.guildId = k.guildId AND t.threadId = k.threadId
        """;

    /// <summary>One more change to a guild's support facts, returning the new version (the in-memory support items apply the commit at the version before, else read again).</summary>
    public const string BumpVersion = """
        INSERT INTO supportVersions (guildId, version) VALUES (@p0, 1)
        ON CONFLICT (guildId) DO UPDATE SET version = supportVersions.version + 1
        RETURNING version
        """;

    /// <summary>The author of the channel's last counted message before a time (@p3: bots count).</summary>
    public const string SelectPreviousAuthor = """
        SELECT authorId FROM messageFacts
        WHERE guildId = @p0 AND channelId = @p1 AND threadId IS NULL AND createdAt < @p2
            AND isCreated AND deletedAt IS NULL AND authorId IS NOT NULL AND (@p3 OR NOT isBot)
        ORDER BY createdAt DESC, messageId DESC
        LIMIT 1
        """;

    /// <summary>
    /// The channel's counted messages after a position (createdAt @p2, message id @p3) in time order, one page of @p4,
    /// each with whether a thread was started from it.
    /// </summary>
    public const string SelectChannelMessages = """
        SELECT m.messageId, m.authorId, m.isBot, m.createdAt, m.referencedMessageId,
            EXISTS (SELECT 1 FROM channels c WHERE c.guildId = m.guildId AND c.channelId = m.messageId AND c.isThread)
        FROM messageFacts m
        WHERE m.guildId = @p0 AND m.channelId = @p1 AND m.threadId IS NULL
            AND (m.createdAt > @p2 OR (m.createdAt = @p2 AND m.messageId > @p3))
            AND m.isCreated AND m.deletedAt IS NULL AND m.authorId IS NOT NULL
        ORDER BY m.createdAt, m.messageId
        LIMIT @p4
        """;

    /// <summary>The channel's stored questions of one view asked in [@p3, @p4].</summary>
    public const string SelectQuestions = """
        SELECT messageId, authorId, askedAt, answeredAt, answerMessageId FROM supportQuestions
        WHERE guildId = @p0 AND withBots = @p1 AND channelId = @p2 AND askedAt >= @p3 AND askedAt <= @p4
        """;

    /// <summary>Removes the channel's questions of one view asked from @p3 up to the position (@p4, @p5), both included.</summary>
    public const string DeleteQuestions = """
        DELETE FROM supportQuestions
        WHERE guildId = @p0 AND withBots = @p1 AND channelId = @p2 AND askedAt >= @p3
            AND (askedAt < @p4 OR (askedAt = @p4 AND messageId <= @p5))
        """;

    /// <summary>PostgreSQL's <see cref="DeleteQuestions"/> for a batch's channels and views at once.</summary>
    public const string DeleteQuestionRows = """
        DELETE FROM supportQuestions q
        USING unnest($1::bigint[], $2::boolean[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[]) AS k(guildId, withBots, channelId, fromAt, stopAt, stopId)
        WHERE q.guildId = k.guildId AND q.withBots = k.withBots AND q.channelId = k.channelId AND q.askedAt >= k.fromAt
            AND (q.askedAt < k.stopAt OR (q.askedAt = k.stopAt AND q.messageId <= k.stopId))
        """;

    public const string UpsertQuestion = """
        INSERT INTO supportQuestions (guildId, withBots, messageId, channelId, authorId, askedAt, answeredAt, answerMessageId)
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7)
        ON CONFLICT (guildId, withBots, messageId) DO UPDATE SET
            channelId = excluded.channelId, authorId = excluded.authorId, askedAt = excluded.askedAt,
            answeredAt = excluded.answeredAt, answerMessageId = excluded.answerMessageId
        """;

    public const string SetAnswer = """
        UPDATE supportQuestions SET answeredAt = @p3, answerMessageId = @p4
        WHERE guildId = @p0 AND withBots = @p1 AND messageId = @p2
        """;

    /// <summary>PostgreSQL's <see cref="SetAnswer"/> for a batch's questions at once.</summary>
    public const string SetAnswerRows = """
        UPDATE supportQuestions q SET answeredAt = k.answeredAt, answerMessageId = k.answerMessageId
        FROM unnest($1::bigint[], $2::boolean[], $3::bigint[], $4::bigint[], $5::bigint[]) AS k(guildId, withBots, messageId, answeredAt, answerMessageId)
        WHERE q.guildId = k.guildId AND q.withBots = k.withBots AND q.messageId = k.messageId
        """;
}
