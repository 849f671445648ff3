namespace DiscordAnalytics.Core.Ingestion.Writing.Joins;

/// <summary>
/// The writer's statements on <c>memberJoins</c>, one row per join (portable like <see cref="Sql.IngestionSql"/>: @pN,
/// ON CONFLICT, camelCase names). A stay runs from a join to the member's leave, or to their next join when no leave was
/// seen; a post belongs to the stay it was made in.
/// </summary>
internal static class JoinSql
{
    /// <summary>A join, once: a redelivered one changes nothing (its attribution, stay and first post stay).</summary>
    public const string InsertJoin = """
        INSERT INTO memberJoins (guildId, userId, joinedAt, isBot, leftAt, firstPostAt, isAttributed, inviteCode)
        VALUES (@p0, @p1, @p2, @p3, NULL, NULL, FALSE, NULL)
        ON CONFLICT (guildId, userId, joinedAt) DO NOTHING
        """;

    /// <summary>A join ends every earlier stay still open (a leave that was never seen happened by then).</summary>
    public const string CloseEarlierStays = """
        UPDATE memberJoins SET leftAt = @p2 WHERE guildId = @p0 AND userId = @p1 AND leftAt IS NULL AND joinedAt < @p2
        """;

    /// <summary>A leave ends the open stay it falls in (a redelivered leave finds it closed).</summary>
    public const string Leave = """
        UPDATE memberJoins SET leftAt = @p2 WHERE guildId = @p0 AND userId = @p1 AND leftAt IS NULL AND joinedAt <= @p2
        """;

    /// <summary>The first post of a join's first week, as <see cref="Caches.MemberActivation"/> keeps it for the latest join.</summary>
    public const string SetFirstPost = """
        UPDATE memberJoins SET firstPostAt = @p3 WHERE guildId = @p0 AND userId = @p1 AND joinedAt = @p2
        """;

    /// <summary>
    /// A post made before the member's latest join (history read late): the first post of the earlier stay it was made in,
    /// when that stay began within the 7 x 24 hours before it (@p3 = the post's time minus that) and knew no earlier one.
    /// </summary>
    public const string EarlierStayPosted = """
        UPDATE memberJoins SET firstPostAt = @p2
        WHERE guildId = @p0 AND userId = @p1 AND joinedAt > @p3 AND joinedAt <= @p2 AND (firstPostAt IS NULL OR firstPostAt > @p2)
            AND NOT EXISTS (SELECT 1 FROM memberJoins later
                WHERE later.guildId = @p0 AND later.userId = @p1 AND later.joinedAt > memberJoins.joinedAt AND later.joinedAt <= @p2)
        """;

    /// <summary>
    /// An earlier stay's first post (@p2) was deleted: the next counted post of that stay's first week takes its place. The
    /// replacement is later than the deleted one and within 7 x 24 hours of it, so only messages with ids @p3..@p4 are read.
    /// </summary>
    public const string EarlierStayPostDeleted = """
        UPDATE memberJoins SET firstPostAt = (
            SELECT min(m.createdAt) FROM messageFacts m
            WHERE m.guildId = @p0 AND m.messageId >= @p3 AND m.messageId < @p4 AND m.authorId = @p1
                AND m.isCreated = TRUE AND m.deletedAt IS NULL
                AND m.createdAt >= memberJoins.joinedAt AND m.createdAt < memberJoins.joinedAt + 604800000
                AND NOT EXISTS (SELECT 1 FROM memberJoins later
                    WHERE later.guildId = @p0 AND later.userId = @p1 AND later.joinedAt > memberJoins.joinedAt AND later.joinedAt <= m.createdAt))
        WHERE guildId = @p0 AND userId = @p1 AND firstPostAt = @p2
        """;

    /// <summary>Which invite brought the join: only once, so a replayed join read again later cannot undo a credit.</summary>
    public const string Attribute = """
        UPDATE memberJoins SET inviteCode = @p2, isAttributed = TRUE
        WHERE guildId = @p0 AND userId = @p1 AND joinedAt = @p3 AND isAttributed = FALSE
        """;

    /// <summary>A forgotten member's joins go with their member row.</summary>
    public const string DeleteJoinsOfUser = "DELETE FROM memberJoins WHERE guildId = @p0 AND userId = @p1";
}
