using System.Data.Common;
using System.Globalization;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DiscordAnalytics.Web.Bench;

/// <summary>
/// What <c>bench cards --store FILE</c> (or <c>--postgres CONNECTION --existing</c>) needs from an existing store instead of
/// generating one: the guild (the one with the latest message), the end of its data (midnight after the day of that
/// message, the bench's "now") and its last human top-level message, the template of the live reloads.
/// </summary>
/// <param name="End">UTC epoch milliseconds: the end of the last day that has a message.</param>
/// <param name="LastMessage">The latest message by a member (not a bot), alive, outside threads; its time is the guild's newest message's.</param>
public sealed record KeptStore(ulong GuildId, long End, IngestEvent LastMessage)
{
    /// <param name="storage">The store: a SQLite file or a PostgreSQL database.</param>
    /// <param name="named">How errors name the store (the option that gave it).</param>
    public static async Task<KeptStore> ReadAsync(StorageOptions storage, string named, CancellationToken cancellationToken)
    {
        await using DbConnection connection = storage.Kind == StoreProvider.Postgres
            ? new NpgsqlConnection(storage.ConnectionString)
            : new SqliteConnection($"{storage.ConnectionString};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        var guilds = new List<long>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT guildId FROM guilds";
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                guilds.Add(reader.GetInt64(0));
            }
        }

        IngestEvent? latest = null;
        foreach (var guild in guilds)
        {
            // The key is (guild, message id) and ids grow with time: the newest message is a seek from the key's end.
            // One text for both providers (lower-case names on PostgreSQL are what its unquoted camelCase folds to).
            await using var last = connection.CreateCommand();
            last.CommandText = """
                SELECT messageId, channelId, authorId, createdAt, excerpt FROM messageFacts
                WHERE guildId = @guild AND isBot = FALSE AND isCreated = TRUE AND deletedAt IS NULL AND threadId IS NULL AND authorId IS NOT NULL
                ORDER BY messageId DESC LIMIT 1
                """;
            var parameter = last.CreateParameter();
            parameter.ParameterName = "guild";
            parameter.Value = guild;
            last.Parameters.Add(parameter);
            await using var reader = await last.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken) && (latest is null || reader.GetInt64(3) > latest.EventAt))
            {
                latest = new IngestEvent
                {
                    Type = IngestEventType.MessageCreate,
                    GuildId = (ulong)guild,
                    EventAt = reader.GetInt64(3),
                    ChannelId = (ulong)reader.GetInt64(1),
                    MessageId = (ulong)reader.GetInt64(0),
                    UserId = (ulong)reader.GetInt64(2),
                    Excerpt = reader.IsDBNull(4) ? null : reader.GetString(4),
                };
            }
        }

        if (latest is null)
        {
            throw new ArgumentException($"{named}: the store holds no message by a member, so there is nothing to measure.");
        }

        var end = (DayBucket.FromUnixMs(latest.EventAt) + 1L) * DayBucket.MillisecondsPerDay;

        // The live messages start after the guild's newest message of any kind: an earlier run's last one may be in a thread
        // (a help reload's), and one at its time would take its id.
        await using (var newest = connection.CreateCommand())
        {
            newest.CommandText = "SELECT createdAt FROM messageFacts WHERE guildId = @guild ORDER BY messageId DESC LIMIT 1";
            var parameter = newest.CreateParameter();
            parameter.ParameterName = "guild";
            parameter.Value = (long)latest.GuildId;
            newest.Parameters.Add(parameter);
            if (await newest.ExecuteScalarAsync(cancellationToken) is long newestAt && newestAt > latest.EventAt)
            {
                latest = latest with { EventAt = newestAt };
            }
        }

        return new KeptStore(latest.GuildId, end, latest);
    }

    /// <summary>The last day of the data, for the bench's first line.</summary>
    public string LastDay => DateTimeOffset.FromUnixTimeMilliseconds(End - 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
