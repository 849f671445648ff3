namespace DiscordAnalytics.Core.Ingestion.Writing.Invites;

/// <summary>The writer's invite statements, portable like <see cref="Sql.IngestionSql"/> (same rules: @pN, ON CONFLICT, camelCase names).</summary>
internal static class InviteSql
{
    /// <summary>
    /// An invite as last seen: its uses and limits follow Discord; an inviter or channel Discord no longer names is kept.
    /// An older observation than the stored one changes nothing.
    /// </summary>
    public const string UpsertInvite = """
        INSERT INTO invites (guildId, code, inviterId, channelId, uses, maxUses, expiresAt, isVanity, seenAt, deletedAt)
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, NULL)
        ON CONFLICT (guildId, code) DO UPDATE SET
            inviterId = coalesce(excluded.inviterId, invites.inviterId), channelId = coalesce(excluded.channelId, invites.channelId),
            uses = excluded.uses, maxUses = excluded.maxUses, expiresAt = excluded.expiresAt, isVanity = excluded.isVanity,
            seenAt = excluded.seenAt, deletedAt = NULL
        WHERE invites.seenAt <= excluded.seenAt
        """;

    public const string DeleteInvite = """
        UPDATE invites SET deletedAt = @p2 WHERE guildId = @p0 AND code = @p1 AND deletedAt IS NULL AND seenAt <= @p2
        """;

    /// <summary>After a full snapshot at @p1: what it did not list (last seen before it) is gone.</summary>
    public const string DeleteUnseenInvites = """
        UPDATE invites SET deletedAt = @p1 WHERE guildId = @p0 AND seenAt < @p1 AND deletedAt IS NULL
        """;

    public const string SetInvitesStatus = """
        INSERT INTO guilds (guildId, name, mode, timeZone, invitesStatus, invitesCheckedAt) VALUES (@p0, '', @p1, 'UTC', @p2, @p3)
        ON CONFLICT (guildId) DO UPDATE SET invitesStatus = excluded.invitesStatus, invitesCheckedAt = excluded.invitesCheckedAt
        """;

    /// <summary>
    /// Only the join it is for (a member who joined again since keeps no attribution of an earlier stay), and only once: a
    /// replayed join read again later finds no invite risen, and must not turn a credited join into an unknown one.
    /// </summary>
    public const string AttributeJoin = """
        UPDATE members SET inviteCode = @p2, inviteJoinedAt = @p3
        WHERE guildId = @p0 AND userId = @p1 AND joinedAt = @p3 AND (inviteJoinedAt IS NULL OR inviteJoinedAt <> @p3)
        """;

    /// <summary>A forgotten member is named as nobody's inviter; their invites stay, counted.</summary>
    public const string ForgetInviter = "UPDATE invites SET inviterId = NULL WHERE guildId = @p0 AND inviterId = @p1";
}
