using Npgsql;
using NpgsqlTypes;

namespace DiscordAnalytics.Core.Ingestion.Postgres;

/// <summary>
/// The stored quarter-hour counts of every channel-day a batch adds to, read in one statement (sent with the queued
/// statements, after them) instead of one round trip per channel-day: the blobs are added to in memory and written back
/// whole (see <c>Writing.RollupFlusher</c>). Nothing else of the batch writes them between this read and those writes.
/// </summary>
internal static class StoredQuarterHoursOfBatch
{
    private const string Sql = """
        SELECT q.guildId, q.day, q.channelId, q.isBot, q.messageCounts FROM channelDayQuarterHours q
        JOIN unnest($1::bigint[], $2::integer[], $3::bigint[], $4::boolean[]) AS k(guildId, day, channelId, isBot)
            ON q.guildId = k.guildId AND q.day = k.day AND q.channelId = k.channelId AND q.isBot = k.isBot
        """;

    /// <summary>The stored counts of <paramref name="keys"/> that have a row.</summary>
    public static Dictionary<(long Guild, int Day, long Channel, bool IsBot), byte[]> Read(
        NpgsqlConnection connection, IReadOnlyCollection<(long Guild, int Day, long Channel, bool IsBot)> keys)
    {
        var stored = new Dictionary<(long Guild, int Day, long Channel, bool IsBot), byte[]>();
        if (keys.Count == 0)
        {
            return stored;
        }

        var (guilds, days, channels, bots) = (new long[keys.Count], new int[keys.Count], new long[keys.Count], new bool[keys.Count]);
        var i = 0;
        foreach (var (guild, day, channel, isBot) in keys)
        {
            (guilds[i], days[i], channels[i], bots[i]) = (guild, day, channel, isBot);
            i++;
        }

        KeysRead.Run(
            connection,
            Sql,
            reader => stored[(reader.GetInt64(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetBoolean(3))] = reader.GetFieldValue<byte[]>(4),
            (NpgsqlDbType.Bigint, guilds),
            (NpgsqlDbType.Integer, days),
            (NpgsqlDbType.Bigint, channels),
            (NpgsqlDbType.Boolean, bots));
        return stored;
    }
}
