using DiscordAnalytics.Core.Ingestion.Postgres;
using DiscordAnalytics.Core.Storage;
using Npgsql;
using NpgsqlTypes;

namespace DiscordAnalytics.Core.Ingestion.Writing.Support;

/// <summary>
/// The start of every question replay of a batch (<see cref="QuestionReplayStart"/>) in three statements on PostgreSQL
/// (each sent with the queued statements, after them), instead of five round trips per channel: the previous authors
/// (what <see cref="SupportSql.SelectPreviousAuthor"/> reads, both views), the questions before the start
/// (<see cref="SupportSql.SelectQuestions"/>, both views) and the first page (<see cref="SupportSql.SelectChannelMessages"/>).
/// Nothing the flush writes before the replays changes what they read: the replays write only support rows, sent after them.
/// </summary>
internal static class QuestionStartsOnPostgres
{
    private const string Keys = "unnest($1::bigint[], $2::bigint[], $3::bigint[]) AS k(guildId, channelId, fromAt)";

    private const string PreviousAuthorsSql = $"""
        SELECT k.guildId, k.channelId, v.withBots, p.authorId
        FROM {Keys}
        CROSS JOIN (VALUES (FALSE), (TRUE)) AS v(withBots)
        CROSS JOIN LATERAL (
            SELECT authorId FROM messageFacts
            WHERE guildId = k.guildId AND channelId = k.channelId AND threadId IS NULL AND createdAt < k.fromAt
                AND isCreated AND deletedAt IS NULL AND authorId IS NOT NULL AND (v.withBots OR NOT isBot)
            ORDER BY createdAt DESC, messageId DESC
            LIMIT 1) p
        """;

    // The window and the page size are constants, written into the statements (the keys are its only parameters).
    private static readonly string QuestionsBeforeSql = $"""
        SELECT k.guildId, k.channelId, q.withBots, q.messageId, q.authorId, q.askedAt, q.answeredAt, q.answerMessageId
        FROM {Keys}
        JOIN supportQuestions q ON q.guildId = k.guildId AND q.channelId = k.channelId
            AND q.askedAt >= k.fromAt - {(long)SupportAnswers.Within.TotalMilliseconds} AND q.askedAt <= k.fromAt - 1
        """;

    private static readonly string FirstPagesSql = $"""
        SELECT k.guildId, k.channelId, m.messageId, m.authorId, m.isBot, m.createdAt, m.referencedMessageId, m.startedThread
        FROM {Keys}
        CROSS JOIN LATERAL (
            SELECT m.messageId, m.authorId, m.isBot, m.createdAt, m.referencedMessageId,
                EXISTS (SELECT 1 FROM channels c WHERE c.guildId = m.guildId AND c.channelId = m.messageId AND c.isThread) AS startedThread
            FROM messageFacts m
            WHERE m.guildId = k.guildId AND m.channelId = k.channelId AND m.threadId IS NULL AND m.createdAt >= k.fromAt
                AND m.isCreated AND m.deletedAt IS NULL AND m.authorId IS NOT NULL
            ORDER BY m.createdAt, m.messageId
            LIMIT {QuestionFactsRefresh.PageSize}) m
        ORDER BY k.guildId, k.channelId, m.createdAt, m.messageId
        """;

    /// <summary>The start of the replay of each of <paramref name="channels"/> from its time.</summary>
    public static Dictionary<(long Guild, long Channel), QuestionReplayStart> Read(
        NpgsqlConnection connection, IReadOnlyDictionary<(long Guild, long Channel), (long From, long To)> channels)
    {
        var starts = new Dictionary<(long Guild, long Channel), QuestionReplayStart>(channels.Count);
        if (channels.Count == 0)
        {
            return starts;
        }

        var (guilds, ids, froms) = (new long[channels.Count], new long[channels.Count], new long[channels.Count]);
        var i = 0;
        foreach (var ((guild, channel), (from, _)) in channels)
        {
            (guilds[i], ids[i], froms[i]) = (guild, channel, from);
            starts[(guild, channel)] = new QuestionReplayStart();
            i++;
        }

        QuestionReplayStart Of(NpgsqlDataReader reader) => starts[(reader.GetInt64(0), reader.GetInt64(1))];
        (NpgsqlDbType, Array)[] keys = [(NpgsqlDbType.Bigint, guilds), (NpgsqlDbType.Bigint, ids), (NpgsqlDbType.Bigint, froms)];
        KeysRead.Run(connection, PreviousAuthorsSql, reader =>
        {
            if (reader.GetBoolean(2))
            {
                Of(reader).PreviousAuthorWithBots = reader.GetInt64(3);
            }
            else
            {
                Of(reader).PreviousAuthor = reader.GetInt64(3);
            }
        }, keys);
        KeysRead.Run(connection, QuestionsBeforeSql, reader => Of(reader).BeforeOf(reader.GetBoolean(2)).Add(new StoredQuestion(
            reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.IsDBNull(6) ? null : reader.GetInt64(6), reader.IsDBNull(7) ? null : reader.GetInt64(7))), keys);
        KeysRead.Run(connection, FirstPagesSql, reader => Of(reader).FirstPage.Add(new ChannelMessage(
            reader.GetInt64(2), reader.GetInt64(3), reader.GetBoolean(4), reader.GetInt64(5), reader.IsDBNull(6) ? null : reader.GetInt64(6), reader.GetBoolean(7))), keys);
        return starts;
    }
}
