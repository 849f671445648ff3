namespace DiscordAnalytics.Core.Ingestion.Writing.Roles;

/// <summary>The writer's role statements, portable like <see cref="Sql.IngestionSql"/> (same rules: @pN, ON CONFLICT, camelCase names).</summary>
internal static class RoleSql
{
    public const string UpsertRole = """
        INSERT INTO roles (guildId, roleId, name, color, position, managed, deleted, updatedAt)
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, FALSE, @p6)
        ON CONFLICT (guildId, roleId) DO UPDATE SET
            name = excluded.name, color = excluded.color, position = excluded.position, managed = excluded.managed,
            updatedAt = excluded.updatedAt
        WHERE roles.updatedAt < excluded.updatedAt AND NOT roles.deleted
        """;

    public const string DeleteRole = """
        INSERT INTO roles (guildId, roleId, name, color, position, managed, deleted, updatedAt)
        VALUES (@p0, @p1, '', 0, 0, FALSE, TRUE, @p2)
        ON CONFLICT (guildId, roleId) DO UPDATE SET deleted = TRUE
        """;

    /// <summary>A deleted role is held by nobody from its delete on (Discord sends no member update for it).</summary>
    public const string CloseSpansOfRole = """
        UPDATE memberRoleSpans SET toAt = @p2 WHERE guildId = @p0 AND roleId = @p1 AND toAt IS NULL AND fromAt <= @p2
        """;

    /// <summary>After a full role list observed at @p1: the holdings of every role it did not list end then (run first).</summary>
    public const string CloseSpansOfUnlistedRoles = """
        UPDATE memberRoleSpans SET toAt = @p1
        WHERE guildId = @p0 AND toAt IS NULL AND fromAt <= @p1
            AND roleId IN (SELECT roleId FROM roles WHERE guildId = @p0 AND NOT deleted AND updatedAt < @p1)
        """;

    /// <summary>The list upserted every role it named at @p1: one still older was deleted while we were away.</summary>
    public const string DeleteUnlistedRoles = """
        UPDATE roles SET deleted = TRUE WHERE guildId = @p0 AND NOT deleted AND updatedAt < @p1
        """;

    public const string SelectSeenAt = "SELECT seenAt FROM memberRoleStates WHERE guildId = @p0 AND userId = @p1";

    public const string SetSeenAt = """
        INSERT INTO memberRoleStates (guildId, userId, seenAt) VALUES (@p0, @p1, @p2)
        ON CONFLICT (guildId, userId) DO UPDATE SET seenAt = excluded.seenAt
        """;

    /// <summary>
    /// When the member's roles were last observed (null: never) and, one row each, the roles they hold (null: none): an
    /// observation's two reads in one statement, so one round trip on PostgreSQL.
    /// </summary>
    public const string SelectRoleState = """
        SELECT s.seenAt, r.roleId FROM (SELECT @p0 AS guildId, @p1 AS userId) k
        LEFT JOIN memberRoleStates s ON s.guildId = k.guildId AND s.userId = k.userId
        LEFT JOIN memberRoleSpans r ON r.guildId = k.guildId AND r.userId = k.userId AND r.toAt IS NULL
        """;

    public const string OpenSpan = """
        INSERT INTO memberRoleSpans (guildId, userId, roleId, fromAt, toAt, heldWhenFirstSeen) VALUES (@p0, @p1, @p2, @p3, NULL, @p4)
        ON CONFLICT DO NOTHING
        """;

    public const string CloseSpan = """
        UPDATE memberRoleSpans SET toAt = @p3 WHERE guildId = @p0 AND userId = @p1 AND roleId = @p2 AND toAt IS NULL
        """;

    public const string CloseSpansOfMember = "UPDATE memberRoleSpans SET toAt = @p2 WHERE guildId = @p0 AND userId = @p1 AND toAt IS NULL";

    public const string RecordSnapshot = """
        INSERT INTO roleSnapshots (guildId, firstAt, lastAt) VALUES (@p0, @p1, @p1)
        ON CONFLICT (guildId) DO UPDATE SET
            firstAt = CASE WHEN excluded.firstAt < roleSnapshots.firstAt THEN excluded.firstAt ELSE roleSnapshots.firstAt END,
            lastAt = CASE WHEN excluded.lastAt > roleSnapshots.lastAt THEN excluded.lastAt ELSE roleSnapshots.lastAt END
        """;

    public const string DeleteSpansOfUser = "DELETE FROM memberRoleSpans WHERE guildId = @p0 AND userId = @p1";

    public const string DeleteStateOfUser = "DELETE FROM memberRoleStates WHERE guildId = @p0 AND userId = @p1";
}
