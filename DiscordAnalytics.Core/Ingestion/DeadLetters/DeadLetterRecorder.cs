using DiscordAnalytics.Core.Storage;
using Microsoft.Data.Sqlite;

namespace DiscordAnalytics.Core.Ingestion.DeadLetters;

/// <summary>Stores an event that cannot be applied, so a retry can apply it after a fix (on the writer's connection, outside any batch).</summary>
internal static class DeadLetterRecorder
{
    /// <summary>Longest exception message kept with a dead letter.</summary>
    internal const int MaxExceptionMessageLength = 2_000;

    /// <summary>
    /// Records that <paramref name="e"/> cannot be applied: a new row, or one more failed attempt on the row it was
    /// retried from. Returns the row's id. A store failure here throws like any write (the caller waits it out).
    /// </summary>
    public static async Task<long> RecordAsync(SqliteConnection connection, IngestEvent e, Exception failure, long failedAt, CancellationToken cancellationToken)
    {
        var type = failure.GetType().FullName ?? failure.GetType().Name;
        var message = TextClip.ToLength(failure.Message, MaxExceptionMessageLength) ?? string.Empty;
        if (e.DeadLetterId is { } existing)
        {
            await using var update = connection.CreateCommand();
            update.CommandText = """
                UPDATE ingestionDeadLetters SET attempts = attempts + 1, exceptionType = $type, exceptionMessage = $message, lastFailedAt = $at
                WHERE id = $id
                """;
            update.Parameters.AddWithValue("$type", type);
            update.Parameters.AddWithValue("$message", message);
            update.Parameters.AddWithValue("$at", failedAt);
            update.Parameters.AddWithValue("$id", existing);
            if (await update.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                return existing;
            }
        }

        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO ingestionDeadLetters (guildId, eventType, eventId, userId, eventJson, exceptionType, exceptionMessage, firstFailedAt, lastFailedAt, attempts)
            VALUES ($guild, $eventType, $eventId, $user, $json, $type, $message, $at, $at, 1)
            RETURNING id
            """;
        insert.Parameters.AddWithValue("$guild", (long)e.GuildId);
        insert.Parameters.AddWithValue("$eventType", e.TypeName);
        insert.Parameters.AddWithValue("$eventId", e.EventId);
        insert.Parameters.AddWithValue("$user", e.UserId is { } user ? (long)user : DBNull.Value);
        insert.Parameters.AddWithValue("$json", DeadLetterJson.Write(e));
        insert.Parameters.AddWithValue("$type", type);
        insert.Parameters.AddWithValue("$message", message);
        insert.Parameters.AddWithValue("$at", failedAt);
        return (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
    }
}
