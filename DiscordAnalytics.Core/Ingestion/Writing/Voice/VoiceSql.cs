namespace DiscordAnalytics.Core.Ingestion.Writing.Voice;

/// <summary>The writer's voice statements, portable like <see cref="Sql.IngestionSql"/> (same rules: @pN, ON CONFLICT, camelCase names).</summary>
internal static class VoiceSql
{
    public const string SelectSessions = """
        SELECT userId, channelId, isBot, muted, startedAt, accountedAt, seenAt FROM voiceSessions WHERE guildId = @p0
        """;

    public const string UpsertSession = """
        INSERT INTO voiceSessions (guildId, userId, channelId, isBot, muted, startedAt, accountedAt, seenAt)
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7)
        ON CONFLICT (guildId, userId) DO UPDATE SET
            channelId = excluded.channelId, isBot = excluded.isBot, muted = excluded.muted,
            startedAt = excluded.startedAt, accountedAt = excluded.accountedAt, seenAt = excluded.seenAt
        """;

    public const string SelectAfkChannel = "SELECT coalesce(afkChannelId, 0) FROM guilds WHERE guildId = @p0";

    public const string SetAfkChannel = """
        INSERT INTO guilds (guildId, name, mode, timeZone, afkChannelId) VALUES (@p0, '', @p1, 'UTC', @p2)
        ON CONFLICT (guildId) DO UPDATE SET afkChannelId = excluded.afkChannelId
        """;

    public const string SelectVoiceDay = """
        SELECT quarterHourMs, talkQuarterHourMs FROM voiceDays WHERE guildId = @p0 AND day = @p1 AND channelId = @p2 AND userId = @p3
        """;

    public const string AddVoiceDay = """
        INSERT INTO voiceDays (guildId, day, channelId, userId, talkMs, mutedMs, aloneMs, quarterHourMs, talkQuarterHourMs)
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8)
        ON CONFLICT (guildId, day, channelId, userId) DO UPDATE SET
            talkMs = voiceDays.talkMs + excluded.talkMs,
            mutedMs = voiceDays.mutedMs + excluded.mutedMs,
            aloneMs = voiceDays.aloneMs + excluded.aloneMs,
            quarterHourMs = excluded.quarterHourMs,
            talkQuarterHourMs = excluded.talkQuarterHourMs
        """;

    public const string DeleteVoiceDaysOfUser = "DELETE FROM voiceDays WHERE guildId = @p0 AND userId = @p1";

    public const string DeleteSessionOfUser = "DELETE FROM voiceSessions WHERE guildId = @p0 AND userId = @p1";
}
