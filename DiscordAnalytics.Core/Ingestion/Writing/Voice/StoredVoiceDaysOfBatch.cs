using DiscordAnalytics.Core.Ingestion.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace DiscordAnalytics.Core.Ingestion.Writing.Voice;

/// <summary>
/// The stored quarter-hour times of every voice day (member, channel, day) a batch adds to, read in one statement on
/// PostgreSQL (sent with the queued statements, after them) instead of one round trip per voice day, as
/// <see cref="StoredQuarterHoursOfBatch"/> does for the channels' message counts. Nothing else of the batch writes
/// voice days between this read and the flush's writes.
/// </summary>
internal static class StoredVoiceDaysOfBatch
{
    private const string Sql = """
        SELECT v.guildId, v.day, v.channelId, v.userId, v.quarterHourMs, v.talkQuarterHourMs FROM voiceDays v
        JOIN unnest($1::bigint[], $2::integer[], $3::bigint[], $4::bigint[]) AS k(guildId, day, channelId, userId)
            ON v.guildId = k.guildId AND v.day = k.day AND v.channelId = k.channelId AND v.userId = k.userId
        """;

    /// <summary>The stored times (all, talk) of <paramref name="keys"/> that have a row.</summary>
    public static Dictionary<(long Guild, int Day, long Channel, long User), (byte[] Milliseconds, byte[] TalkMilliseconds)> Read(
        NpgsqlConnection connection, IReadOnlyCollection<(long Guild, int Day, long Channel, long User)> keys)
    {
        var stored = new Dictionary<(long Guild, int Day, long Channel, long User), (byte[], byte[])>();
        if (keys.Count == 0)
        {
            return stored;
        }

        var (guilds, days, channels, users) = (new long[keys.Count], new int[keys.Count], new long[keys.Count], new long[keys.Count]);
        var i = 0;
        foreach (var (guild, day, channel, user) in keys)
        {
            (guilds[i], days[i], channels[i], users[i]) = (guild, day, channel, user);
            i++;
        }

        KeysRead.Run(
            connection,
            Sql,
            reader => stored[(reader.GetInt64(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetInt64(3))] =
                (reader.GetFieldValue<byte[]>(4), reader.GetFieldValue<byte[]>(5)),
            (NpgsqlDbType.Bigint, guilds),
            (NpgsqlDbType.Integer, days),
            (NpgsqlDbType.Bigint, channels),
            (NpgsqlDbType.Bigint, users));
        return stored;
    }
}
