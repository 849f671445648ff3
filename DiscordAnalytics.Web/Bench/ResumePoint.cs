using Microsoft.Data.Sqlite;

namespace DiscordAnalytics.Web.Bench;

/// <summary>
/// Where <c>bench cards --keep FILE --resume</c> picks up an interrupted generation. The generated stream is in time order and
/// the pipeline commits its batches in that order, so what the store holds is a prefix of the stream: every event before its
/// newest message is in it. Ingesting again from that message on sends a few events twice (those at the same instant, and any
/// committed after the message), which the pipeline's dedupe drops, as it drops any duplicate from the gateway.
/// </summary>
public static class ResumePoint
{
    /// <summary>UTC epoch milliseconds of the newest message of <paramref name="guildId"/> the SQLite store at <paramref name="file"/> holds.</summary>
    /// <exception cref="ArgumentException">
    /// The store holds another guild (it was generated at another scale), or no message yet: there is nothing to resume.
    /// </exception>
    public static async Task<long> ReadAsync(string file, ulong guildId, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await using (var others = connection.CreateCommand())
        {
            others.CommandText = "SELECT guildId FROM guilds WHERE guildId <> $guild LIMIT 1";
            others.Parameters.AddWithValue("$guild", (long)guildId);
            if (await others.ExecuteScalarAsync(cancellationToken) is long other)
            {
                throw new ArgumentException($"--resume: {file} holds another community's store (guild {other}); resume it with the --scale it was generated with.");
            }
        }

        await using var newest = connection.CreateCommand();
        // Message ids are snowflakes, so the newest messages are at the key's end; ids and times of one instant may interleave,
        // hence the maximum over the last few rather than the very last row.
        newest.CommandText = "SELECT max(createdAt) FROM (SELECT createdAt FROM messageFacts WHERE guildId = $guild ORDER BY messageId DESC LIMIT 1000)";
        newest.Parameters.AddWithValue("$guild", (long)guildId);
        return await newest.ExecuteScalarAsync(cancellationToken) is long at
            ? at
            : throw new ArgumentException($"--resume: {file} holds no message yet; generate it afresh without --resume.");
    }
}
