using DiscordAnalytics.Core.Storage;

namespace DiscordAnalytics.Core.Ingestion.Writing.Sql;

/// <summary>
/// Every statement of the ingestion hot path, in one place. Parameters are positional: @p0, @p1, ...
/// Each statement runs unchanged on SQLite and PostgreSQL, so it keeps to what both understand: ON CONFLICT upserts
/// and RETURNING; TRUE and FALSE for truth values (SQLite stores them as 1 and 0, PostgreSQL as booleans); CASE
/// instead of SQLite's two-argument max(); BIGINT casts; and in an upsert's DO UPDATE, the table's own columns named
/// with the table (PostgreSQL finds a bare name there ambiguous with the excluded row's). Names are camelCase without
/// quotes: PostgreSQL folds them to the lower-case names its tables have (Storage/PostgresNaming).
/// </summary>
internal static class IngestionSql
{
    public const string InsertEvent = """
        INSERT INTO analyticsEvents (guildId, keyAt, eventType, eventId, eventAt, channelId, threadId, messageId, userId, emoji, isBot)
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10)
        ON CONFLICT DO NOTHING
        """;

    public const string UpsertGuild = """
        INSERT INTO guilds (guildId, name, mode, timeZone) VALUES (@p0, @p1, @p2, 'UTC')
        ON CONFLICT (guildId) DO UPDATE SET name = excluded.name
        """;

    /// <summary>Makes sure a guild row exists and advances its newest event time.</summary>
    public const string TouchGuild = """
        INSERT INTO guilds (guildId, name, mode, timeZone, lastEventAt) VALUES (@p0, '', @p1, 'UTC', @p2)
        ON CONFLICT (guildId) DO UPDATE SET lastEventAt =
            CASE WHEN guilds.lastEventAt >= excluded.lastEventAt THEN guilds.lastEventAt ELSE excluded.lastEventAt END
        """;

    public const string UpsertChannel = """
        INSERT INTO channels (guildId, channelId, name, type, parentId, isThread) VALUES (@p0, @p1, @p2, @p3, @p4, @p5)
        ON CONFLICT (guildId, channelId) DO UPDATE SET
            name = CASE WHEN excluded.name <> '' THEN excluded.name ELSE channels.name END,
            type = excluded.type,
            parentId = coalesce(excluded.parentId, channels.parentId),
            isThread = excluded.isThread
        """;

    public const string SelectChannels = "SELECT channelId, parentId, isThread FROM channels WHERE guildId = @p0";

    public const string UpsertMember = """
        INSERT INTO members (guildId, userId, displayName, isBot) VALUES (@p0, @p1, @p2, @p3)
        ON CONFLICT (guildId, userId) DO UPDATE SET
            displayName = CASE WHEN excluded.displayName <> '' THEN excluded.displayName ELSE members.displayName END,
            isBot = excluded.isBot
        """;

    public const string MemberJoined = """
        INSERT INTO members (guildId, userId, displayName, isBot, joinedAt) VALUES (@p0, @p1, @p2, @p3, @p4)
        ON CONFLICT (guildId, userId) DO UPDATE SET
            displayName = CASE WHEN excluded.displayName <> '' THEN excluded.displayName ELSE members.displayName END,
            isBot = excluded.isBot, joinedAt = excluded.joinedAt, leftAt = NULL
        """;

    /// <summary>
    /// A leave changes a row only for a member who is present (never seen, or joined since their last leave):
    /// a leave carries no id, so this is what keeps a redelivered leave from counting twice.
    /// </summary>
    public const string MemberLeft = """
        INSERT INTO members (guildId, userId, displayName, isBot, leftAt) VALUES (@p0, @p1, '', @p2, @p3)
        ON CONFLICT (guildId, userId) DO UPDATE SET leftAt = excluded.leftAt WHERE members.leftAt IS NULL
        """;

    public const string InsertMessageFact = """
        INSERT INTO messageFacts (guildId, messageId, channelId, threadId, authorId, isBot, createdAt, day, excerpt, referencedMessageId, kinds, contentLength, emojis, isCreated)
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, TRUE)
        ON CONFLICT DO NOTHING
        """;

    /// <summary>A create that arrives after its delete fills in the tombstone; the message stays uncounted.</summary>
    public const string FillTombstone = """
        UPDATE messageFacts SET authorId = @p2, isBot = @p3, excerpt = @p4, isCreated = TRUE
        WHERE guildId = @p0 AND messageId = @p1 AND isCreated = FALSE
        """;

    /// <summary>An edit changes a message we know the author of: never a tombstone (a forgotten member's message keeps no excerpt).</summary>
    public const string EditMessageFact = """
        UPDATE messageFacts SET excerpt = coalesce(@p2, excerpt), editedAt = CASE WHEN editedAt >= @p3 THEN editedAt ELSE @p3 END
        WHERE guildId = @p0 AND messageId = @p1 AND authorId IS NOT NULL
        """;

    /// <summary><see cref="EditMessageFact"/>, returning the edited message's day.</summary>
    public const string UpdateMessageFact = EditMessageFact + "\nRETURNING day";

    public const string MarkFactDeleted = """
        UPDATE messageFacts SET deletedAt = @p2
        WHERE guildId = @p0 AND messageId = @p1 AND deletedAt IS NULL
        """;

    /// <summary><see cref="MarkFactDeleted"/>, returning what the message counted.</summary>
    public const string MarkMessageDeleted = MarkFactDeleted + "\nRETURNING channelId, day, authorId, isBot, isCreated, createdAt, kinds, contentLength, emojis";

    public const string InsertTombstone = """
        INSERT INTO messageFacts (guildId, messageId, channelId, threadId, isBot, createdAt, day, deletedAt, isCreated)
        VALUES (@p0, @p1, @p2, @p3, FALSE, @p4, @p5, @p6, FALSE)
        ON CONFLICT DO NOTHING
        """;

    // Reactions are state, decided by time: each reaction (message, emoji, reactor) is present when its
    // latest add is newer than its latest removal (a remove, or a clear of its message or emoji; on a tie
    // the removal wins), whatever order the events arrive in. So a re-delivered event never changes the
    // state, and the reaction's row is its own dedupe record: no raw event row is kept for an add.

    /// <summary>
    /// An add counts (changes() = 1) when the reaction is new, or was removed before this add: a removed
    /// reaction comes back. It changes nothing for a present reaction, or when it is no newer than the
    /// reaction's removal. (Deleted messages and clears are checked by the writer first: ReactionBlocks.)
    /// </summary>
    public const string AddReactionFact = """
        INSERT INTO reactionFacts (guildId, messageId, emoji, userId, channelId, day, isBot, createdAt)
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7)
        ON CONFLICT (guildId, messageId, emoji, userId) DO UPDATE SET
            removedAt = NULL, createdAt = excluded.createdAt, channelId = excluded.channelId, isBot = excluded.isBot
        WHERE reactionFacts.removedAt IS NOT NULL AND reactionFacts.removedAt < excluded.createdAt
        """;

    /// <summary>An add for a present reaction that is newer than its add keeps the newer time (a remove between them then loses).</summary>
    public const string RefreshReactionFact = """
        UPDATE reactionFacts SET createdAt = @p4
        WHERE guildId = @p0 AND messageId = @p1 AND emoji = @p2 AND userId = @p3 AND removedAt IS NULL AND createdAt < @p4
        """;

    // The statements that take reactions away return (reactor, channel, day, isBot, wasPresent, emoji) for each
    // one, so the writer subtracts exactly what was counted.

    /// <summary>A reactor's remove: the present reaction is removed, unless it was added after this remove.</summary>
    public const string TakeReactionFact = """
        UPDATE reactionFacts SET removedAt = @p4
        WHERE guildId = @p0 AND messageId = @p1 AND emoji = @p2 AND userId = @p3 AND removedAt IS NULL AND createdAt <= @p4
        """;

    /// <summary><see cref="TakeReactionFact"/>, returning what it took.</summary>
    public const string RemoveReactionFact = TakeReactionFact + "\nRETURNING userId, channelId, day, isBot, TRUE, emoji";

    public const string ReactionFactExists = """
        SELECT count(*) FROM reactionFacts WHERE guildId = @p0 AND messageId = @p1 AND emoji = @p2 AND userId = @p3
        """;

    /// <summary>
    /// Remembers a remove that found no newer add: a new row for a reaction we never saw (its add may still
    /// arrive, older), or a later removal time for one already removed.
    /// </summary>
    public const string RecordReactionRemoval = """
        INSERT INTO reactionFacts (guildId, messageId, emoji, userId, channelId, day, isBot, createdAt, removedAt)
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p7)
        ON CONFLICT (guildId, messageId, emoji, userId) DO UPDATE SET removedAt = excluded.removedAt
        WHERE reactionFacts.removedAt IS NOT NULL AND reactionFacts.removedAt < excluded.removedAt
        """;

    /// <summary>A REMOVE_ALL (emoji empty) or REMOVE_EMOJI: the latest one per message and emoji is kept.</summary>
    public const string RecordReactionClear = """
        INSERT INTO reactionClears (guildId, messageId, emoji, clearedAt) VALUES (@p0, @p1, @p2, @p3)
        ON CONFLICT (guildId, messageId, emoji) DO UPDATE SET clearedAt =
            CASE WHEN reactionClears.clearedAt >= excluded.clearedAt THEN reactionClears.clearedAt ELSE excluded.clearedAt END
        """;

    public const string SelectDeletedMessages = """
        SELECT messageId FROM messageFacts WHERE guildId = @p0 AND deletedAt IS NOT NULL
        """;

    public const string SelectReactionClears = """
        SELECT messageId, emoji, clearedAt FROM reactionClears WHERE guildId = @p0
        """;

    /// <summary>REMOVE_ALL: every reaction on the message added up to then is removed.</summary>
    public const string RemoveReactionFactsOfMessage = """
        UPDATE reactionFacts SET removedAt = @p2
        WHERE guildId = @p0 AND messageId = @p1 AND removedAt IS NULL AND createdAt <= @p2
        RETURNING userId, channelId, day, isBot, TRUE, emoji
        """;

    /// <summary>REMOVE_EMOJI: every reaction with the emoji added up to then is removed.</summary>
    public const string RemoveReactionFactsOfEmoji = """
        UPDATE reactionFacts SET removedAt = @p3
        WHERE guildId = @p0 AND messageId = @p1 AND emoji = @p2 AND removedAt IS NULL AND createdAt <= @p3
        RETURNING userId, channelId, day, isBot, TRUE, emoji
        """;

    /// <summary>A deleted message takes all its reaction rows with it (its own tombstone blocks any later add).</summary>
    public const string DropReactionFactsOfMessage = "DELETE FROM reactionFacts WHERE guildId = @p0 AND messageId = @p1";

    /// <summary><see cref="DropReactionFactsOfMessage"/>, returning what it took.</summary>
    public const string DeleteReactionFactsOfMessage = DropReactionFactsOfMessage + "\nRETURNING userId, channelId, day, isBot, removedAt IS NULL, emoji";

    public const string AddChannelDaily = """
        INSERT INTO channelDailyRollups (guildId, day, channelId, isBot, messageCount, reactionCount, threadCount, deletedCount)
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7)
        ON CONFLICT (guildId, day, channelId, isBot) DO UPDATE SET
            messageCount = channelDailyRollups.messageCount + excluded.messageCount,
            reactionCount = channelDailyRollups.reactionCount + excluded.reactionCount,
            threadCount = channelDailyRollups.threadCount + excluded.threadCount,
            deletedCount = channelDailyRollups.deletedCount + excluded.deletedCount
        """;

    public const string SelectChannelDayQuarterHours = """
        SELECT messageCounts FROM channelDayQuarterHours WHERE guildId = @p0 AND day = @p1 AND channelId = @p2 AND isBot = @p3
        """;

    public const string SetChannelDayQuarterHours = """
        INSERT INTO channelDayQuarterHours (guildId, day, channelId, isBot, messageCounts)
        VALUES (@p0, @p1, @p2, @p3, @p4)
        ON CONFLICT (guildId, day, channelId, isBot) DO UPDATE SET messageCounts = excluded.messageCounts
        """;

    public const string AddMemberDaily = """
        INSERT INTO memberDailyRollups (guildId, day, userId, isBot, messagesSent, reactionsAdded, threadsStarted, voiceMs, talkMs)
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8)
        ON CONFLICT (guildId, day, userId) DO UPDATE SET
            isBot = excluded.isBot,
            voiceMs = memberDailyRollups.voiceMs + excluded.voiceMs,
            talkMs = memberDailyRollups.talkMs + excluded.talkMs,
            messagesSent = memberDailyRollups.messagesSent + excluded.messagesSent,
            reactionsAdded = memberDailyRollups.reactionsAdded + excluded.reactionsAdded,
            threadsStarted = memberDailyRollups.threadsStarted + excluded.threadsStarted
        """;

    public const string AddGuildDaily = """
        INSERT INTO guildDailyRollups (guildId, day, isBot, joins, leaves) VALUES (@p0, @p1, @p2, @p3, @p4)
        ON CONFLICT (guildId, day, isBot) DO UPDATE SET
            joins = guildDailyRollups.joins + excluded.joins, leaves = guildDailyRollups.leaves + excluded.leaves
        """;

    public const string AddTopContent = """
        INSERT INTO topContentDaily (guildId, messageId, day, channelId, reactionScore, botReactionScore)
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5)
        ON CONFLICT (guildId, messageId) DO UPDATE SET
            reactionScore = topContentDaily.reactionScore + excluded.reactionScore,
            botReactionScore = topContentDaily.botReactionScore + excluded.botReactionScore
        """;

    /// <summary>A day whose excerpts changed loses its stored keywords; they are counted again when next asked for.</summary>
    public const string DropKeywordDay = """
        DELETE FROM keywordDays WHERE guildId = @p0 AND day = @p1
        """;

    /// <summary>
    /// One more change to the excerpts of a guild's day (@p2: an edit, delete or forget; @p3/@p4: the smallest and largest
    /// new message id, 0 when none). Rewritten unless every new message is newer than the day's last one. A new row takes
    /// the largest id stored around the day [@p5, @p6) as its last (its messages may predate the row) and counts as
    /// rewritten: nothing counted before it can be brought up to date.
    /// </summary>
    public const string BumpKeywordDayVersion = """
        INSERT INTO keywordDayVersions (guildId, day, version, rewrittenAt, lastMessageId)
        SELECT @p0, @p1, 1, 1, coalesce(max(messageId), 0) FROM messageFacts WHERE guildId = @p0 AND messageId >= @p5 AND messageId < @p6
        ON CONFLICT (guildId, day) DO UPDATE SET
            version = keywordDayVersions.version + 1,
            rewrittenAt = CASE WHEN @p2 OR @p3 <= keywordDayVersions.lastMessageId THEN keywordDayVersions.version + 1 ELSE keywordDayVersions.rewrittenAt END,
            lastMessageId = CASE WHEN @p4 > keywordDayVersions.lastMessageId THEN @p4 ELSE keywordDayVersions.lastMessageId END
        """;

    /// <summary>A reacted message's scores after the batch's changes (no row: both are back to zero), for the in-memory channel days.</summary>
    public const string SelectTopContentScores = """
        SELECT reactionScore, botReactionScore FROM topContentDaily WHERE guildId = @p0 AND messageId = @p1
        """;

    /// <summary>A message with no present reactions is no longer a top-content candidate.</summary>
    public const string DropEmptyTopContent = """
        DELETE FROM topContentDaily WHERE guildId = @p0 AND messageId = @p1 AND reactionScore <= 0 AND botReactionScore <= 0
        """;

    /// <summary>
    /// PostgreSQL's <see cref="DropEmptyTopContent"/> for a batch's messages at once (column i is the array $i+1; see
    /// <see cref="RollupStatement"/>): a key may come more than once.
    /// </summary>
    public const string DropEmptyTopContentRows = """
        DELETE FROM topContentDaily t USING unnest($1::bigint[], $2::bigint[]) AS k(guildId, messageId)
        WHERE t.guildId = k.guildId AND t.messageId = k.messageId AND t.reactionScore <= 0 AND t.botReactionScore <= 0
        """;

    public const string CountIdentifiedReactors = """
        SELECT count(*) FROM reactionFacts WHERE guildId = @p0 AND messageId = @p1 AND emoji = @p2 AND removedAt IS NULL
        """;

    public const string SelectReactionCount = """
        SELECT anonymousCount, observedAt FROM reactionCounts WHERE guildId = @p0 AND messageId = @p1 AND emoji = @p2
        """;

    public const string NewestReactionSnapshot = "SELECT max(observedAt) FROM reactionCounts WHERE guildId = @p0";

    public const string UpsertReactionCount = """
        INSERT INTO reactionCounts (guildId, messageId, emoji, anonymousCount, channelId, day, observedAt)
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6)
        ON CONFLICT (guildId, messageId, emoji) DO UPDATE SET
            anonymousCount = excluded.anonymousCount, channelId = excluded.channelId, day = excluded.day, observedAt = excluded.observedAt
        """;

    /// <summary>An identified add the snapshot already counted anonymously (it happened before the snapshot) takes that slot.</summary>
    public const string TakeAnonymousReactionBefore = """
        UPDATE reactionCounts SET anonymousCount = anonymousCount - 1
        WHERE guildId = @p0 AND messageId = @p1 AND emoji = @p2 AND anonymousCount > 0 AND observedAt >= @p3
        RETURNING channelId, day
        """;

    /// <summary>A remove of a reactor we never identified, after the snapshot, was one of its anonymous reactors.</summary>
    public const string TakeAnonymousReactionAfter = """
        UPDATE reactionCounts SET anonymousCount = anonymousCount - 1
        WHERE guildId = @p0 AND messageId = @p1 AND emoji = @p2 AND anonymousCount > 0 AND observedAt < @p3
        RETURNING channelId, day
        """;

    public const string DropReactionCountsOfMessage = "DELETE FROM reactionCounts WHERE guildId = @p0 AND messageId = @p1";

    /// <summary><see cref="DropReactionCountsOfMessage"/>, returning what it took.</summary>
    public const string DeleteReactionCountsOfMessage = DropReactionCountsOfMessage + "\nRETURNING anonymousCount, channelId, day, emoji";

    public const string DeleteReactionCountsOfEmoji = """
        DELETE FROM reactionCounts WHERE guildId = @p0 AND messageId = @p1 AND emoji = @p2
        RETURNING anonymousCount, channelId, day, emoji
        """;

    // Forgetting a member (IngestEventType.MemberForget): rare and admin-driven, so plain scans of the guild's rows
    // by user are fine here; the hot path pays only for the in-memory check (ForgottenMembers).

    public const string SelectForgottenMembers = $$"""
        SELECT userId FROM memberPrivacy WHERE guildId = @p0 AND choice = '{{StoredPrivacyChoices.Forgotten}}'
        """;

    /// <summary>Forgotten wins over hidden; forgetting again keeps the first time.</summary>
    public const string RecordForgotten = $$"""
        INSERT INTO memberPrivacy (guildId, userId, choice, setAt) VALUES (@p0, @p1, '{{StoredPrivacyChoices.Forgotten}}', @p2)
        ON CONFLICT (guildId, userId) DO UPDATE SET choice = '{{StoredPrivacyChoices.Forgotten}}', setAt = excluded.setAt
        WHERE memberPrivacy.choice <> '{{StoredPrivacyChoices.Forgotten}}'
        """;

    /// <summary>The member's messages: (message, channel, day, isBot, counted, createdAt, present, kinds, length, emojis) before they become tombstones.</summary>
    public const string SelectMessagesOfAuthor = """
        SELECT messageId, channelId, day, isBot, isCreated AND deletedAt IS NULL, createdAt, deletedAt IS NULL, kinds, contentLength, emojis
        FROM messageFacts WHERE guildId = @p0 AND authorId = @p1
        """;

    /// <summary>What stays of a forgotten member's message: a tombstone with no author, excerpt or emojis, so nothing later counts on it.</summary>
    public const string TombstoneMessagesOfAuthor = """
        UPDATE messageFacts SET authorId = NULL, excerpt = NULL, emojis = NULL, deletedAt = coalesce(deletedAt, @p2)
        WHERE guildId = @p0 AND authorId = @p1
        """;

    /// <summary>Every reaction row of the member, returning (message, channel, day, isBot, wasPresent, emoji) to subtract.</summary>
    public const string DeleteReactionFactsOfUser = """
        DELETE FROM reactionFacts WHERE guildId = @p0 AND userId = @p1
        RETURNING messageId, channelId, day, isBot, removedAt IS NULL, emoji
        """;

    /// <summary>
    /// Threads the member started, from their raw events (retention keeps thread creates): (eventAt, isBot, counted
    /// channel). A thread counts for its parent (ThreadCreateHandler).
    /// </summary>
    public const string SelectThreadsStartedBy = $$"""
        SELECT e.eventAt, e.isBot, coalesce(c.parentId, CAST(e.eventId AS BIGINT))
        FROM analyticsEvents e
        LEFT JOIN channels c ON c.guildId = e.guildId AND c.channelId = CAST(e.eventId AS BIGINT)
        WHERE e.guildId = @p0 AND e.eventType = '{{StoredEventTypes.ThreadCreate}}' AND e.userId = @p1
        """;

    /// <summary>One more change to a guild's member rollups of a day (the in-memory member days read a day again when it moved on).</summary>
    public const string BumpMemberDayVersion = """
        INSERT INTO memberDayVersions (guildId, day, version) VALUES (@p0, @p1, 1)
        ON CONFLICT (guildId, day) DO UPDATE SET version = memberDayVersions.version + 1
        RETURNING day, version
        """;

    /// <summary>
    /// One more change to a guild's channel rollups, quarter-hour counts or top content of a day, returning the new version
    /// (the in-memory channel days apply the commit's changes to a day held at the version before, else read it again).
    /// </summary>
    public const string BumpChannelDayVersion = """
        INSERT INTO channelDayVersions (guildId, day, version) VALUES (@p0, @p1, 1)
        ON CONFLICT (guildId, day) DO UPDATE SET version = channelDayVersions.version + 1
        RETURNING day, version
        """;

    /// <summary>
    /// Every day a member being forgotten has member rollups on changes (before those rows are deleted). One row per
    /// day: the rollups' key holds the user, so a day comes once (PostgreSQL refuses to update one row twice).
    /// </summary>
    public const string BumpMemberDayVersionsOfUser = """
        INSERT INTO memberDayVersions (guildId, day, version)
        SELECT guildId, day, 1 FROM memberDailyRollups WHERE guildId = @p0 AND userId = @p1
        ON CONFLICT (guildId, day) DO UPDATE SET version = memberDayVersions.version + 1
        RETURNING day, version
        """;

    public const string DeleteMemberDailyOfUser = "DELETE FROM memberDailyRollups WHERE guildId = @p0 AND userId = @p1";

    public const string SelectMemberJoins = """
        SELECT userId, joinedAt, firstPostAt FROM members WHERE guildId = @p0 AND joinedAt IS NOT NULL
        """;

    /// <summary>
    /// A member's earliest counted message (created, not deleted) in [@p4, @p5): read by id range (a message id is its
    /// creation time, @p1..@p2), so it visits only that week's messages of the guild, and at a join almost none.
    /// </summary>
    public const string SelectFirstPost = """
        SELECT min(createdAt) FROM messageFacts
        WHERE guildId = @p0 AND messageId >= @p1 AND messageId < @p2 AND authorId = @p3
            AND isCreated = TRUE AND deletedAt IS NULL AND createdAt >= @p4 AND createdAt < @p5
        """;

    public const string SetFirstPost = "UPDATE members SET firstPostAt = @p2 WHERE guildId = @p0 AND userId = @p1";

    public const string DeleteMemberOfUser = "DELETE FROM members WHERE guildId = @p0 AND userId = @p1";

    public const string DeleteRawEventsOfUser = "DELETE FROM analyticsEvents WHERE guildId = @p0 AND userId = @p1";

    /// <summary>A forgotten member's dead letters go too: their JSON holds the member's ids and excerpts.</summary>
    public const string DeleteDeadLettersOfUser = "DELETE FROM ingestionDeadLetters WHERE guildId = @p0 AND userId = @p1";

    /// <summary>A retried dead letter was applied (or found invalid): its row goes in the transaction of the batch that applied it.</summary>
    public const string DeleteDeadLetter = "DELETE FROM ingestionDeadLetters WHERE id = @p0";
}
