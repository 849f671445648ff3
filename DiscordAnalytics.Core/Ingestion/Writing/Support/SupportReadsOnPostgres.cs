using DiscordAnalytics.Core.Ingestion.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace DiscordAnalytics.Core.Ingestion.Writing.Support;

/// <summary>
/// The support facts' reads of a batch in one statement each on PostgreSQL (sent with the queued statements, after
/// them), instead of a round trip per changed message and two per touched thread: where each changed message is, and
/// each thread's origin with its first <see cref="ThreadMessagesRead"/> messages. Nothing the flush writes changes what
/// they read (message facts): it writes only support rows.
/// </summary>
internal static class SupportReadsOnPostgres
{
    /// <summary>A thread's messages read at once: enough for nearly every thread's two first responses.</summary>
    internal const int ThreadMessagesRead = 16;

    private const string PlacesSql = """
        SELECT m.guildId, m.messageId, m.channelId, m.threadId, m.createdAt
        FROM unnest($1::bigint[], $2::bigint[]) AS k(guildId, messageId)
        JOIN messageFacts m ON m.guildId = k.guildId AND m.messageId = k.messageId
        """;

    /// <summary>Each thread's origin (in its parent, the thread's id) first, then its first messages in time order.</summary>
    private const string ThreadsSql = """
        SELECT k.guildId, k.threadId, FALSE AS inThread, m.messageId, m.authorId, m.isBot, m.createdAt, NOT m.isCreated OR m.deletedAt IS NOT NULL
        FROM unnest($1::bigint[], $2::bigint[]) AS k(guildId, threadId)
        JOIN messageFacts m ON m.guildId = k.guildId AND m.messageId = k.threadId AND m.threadId IS NULL
        UNION ALL
        SELECT k.guildId, k.threadId, TRUE, t.messageId, t.authorId, t.isBot, t.createdAt, t.gone
        FROM unnest($1::bigint[], $2::bigint[]) AS k(guildId, threadId)
        CROSS JOIN LATERAL (
            SELECT messageId, authorId, isBot, createdAt, NOT isCreated OR deletedAt IS NOT NULL AS gone FROM messageFacts
            WHERE guildId = k.guildId AND threadId = k.threadId
            ORDER BY createdAt, messageId
            LIMIT $3::integer) t
        ORDER BY 1, 2, 3, 7, 4
        """;

    /// <summary>Where each of <paramref name="messages"/> that is stored is.</summary>
    public static Dictionary<(long Guild, long Message), MessagePlace> Places(NpgsqlConnection connection, IReadOnlyCollection<(long Guild, long Message)> messages)
    {
        var places = new Dictionary<(long Guild, long Message), MessagePlace>(messages.Count);
        if (messages.Count == 0)
        {
            return places;
        }

        var (batch, reader) = StatementPipeline.Of(connection).Query(() => Command(PlacesSql, messages));
        using (batch)
        using (reader)
        {
            while (reader.Read())
            {
                places[(reader.GetInt64(0), reader.GetInt64(1))] = new MessagePlace(reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetInt64(3), reader.GetInt64(4));
            }
        }

        return places;
    }

    /// <summary>What each of <paramref name="threads"/> holds (<see cref="ThreadRead.Nothing"/> for one with no stored message).</summary>
    public static Dictionary<(long Guild, long Thread), ThreadRead> Threads(NpgsqlConnection connection, IReadOnlyCollection<(long Guild, long Thread)> threads)
    {
        var reads = new Dictionary<(long Guild, long Thread), ThreadRead>(threads.Count);
        foreach (var key in threads)
        {
            reads[key] = ThreadRead.Nothing;
        }

        if (threads.Count == 0)
        {
            return reads;
        }

        var (batch, reader) = StatementPipeline.Of(connection).Query(() =>
        {
            var command = Command(ThreadsSql, threads);
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = ThreadMessagesRead });
            return command;
        });
        using (batch)
        using (reader)
        {
            while (reader.Read())
            {
                var key = (reader.GetInt64(0), reader.GetInt64(1));
                var message = new ThreadMessage(reader.GetInt64(3), reader.IsDBNull(4) ? null : reader.GetInt64(4), reader.GetBoolean(5), reader.GetInt64(6), reader.GetBoolean(7));
                var read = reads[key];
                if (!reader.GetBoolean(2))
                {
                    reads[key] = read with { Origin = message };
                    continue;
                }

                read.Messages.Add(message);
                if (read.Messages.Count == ThreadMessagesRead)
                {
                    // There may be more than the statement read.
                    reads[key] = read with { Complete = false };
                }
            }
        }

        return reads;
    }

    /// <summary>The statement with the keys as two arrays of bigint ($1, $2).</summary>
    private static NpgsqlBatchCommand Command(string sql, IReadOnlyCollection<(long, long)> keys)
    {
        var (firsts, seconds) = (new long[keys.Count], new long[keys.Count]);
        var i = 0;
        foreach (var (first, second) in keys)
        {
            (firsts[i], seconds[i]) = (first, second);
            i++;
        }

        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, Value = firsts });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, Value = seconds });
        return command;
    }
}
