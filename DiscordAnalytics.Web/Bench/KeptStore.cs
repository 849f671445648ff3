using System.Globalization;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using Microsoft.Data.Sqlite;

namespace DiscordAnalytics.Web.Bench;

/// <summary>
/// What <c>bench cards --store FILE</c> needs from an existing SQLite store instead of generating one: the guild (the one
/// with the latest message), the end of its data (midnight after the day of that message, the bench's "now") and its
/// last human top-level message, the template of the live reloads.
/// </summary>
/// <param name="End">UTC epoch milliseconds: the end of the last day that has a message.</param>
/// <param name="LastMessage">The latest message by a member (not a bot), alive, outside threads.</param>
public sealed record KeptStore(ulong GuildId, long End, IngestEvent LastMessage)
{
    public static async Task<KeptStore> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
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
            await using var last = connection.CreateCommand();
            last.CommandText = """
                SELECT messageId, channelId, authorId, createdAt, excerpt FROM messageFacts
                WHERE guildId = $guild AND isBot = 0 AND isCreated = 1 AND deletedAt IS NULL AND threadId IS NULL AND authorId IS NOT NULL
                ORDER BY messageId DESC LIMIT 1
                """;
            last.Parameters.AddWithValue("$guild", guild);
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
            throw new ArgumentException($"--store {path}: the store holds no message by a member, so there is nothing to measure.");
        }

        var end = (DayBucket.FromUnixMs(latest.EventAt) + 1L) * DayBucket.MillisecondsPerDay;
        return new KeptStore(latest.GuildId, end, latest);
    }

    /// <summary>The last day of the data, for the bench's first line.</summary>
    public string LastDay => DateTimeOffset.FromUnixTimeMilliseconds(End - 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
