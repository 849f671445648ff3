using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Ingestion.DeadLetters;
using Microsoft.Data.Sqlite;

namespace DiscordAnalytics.Core.Ingestion;

/// <summary>Dead letters: events set aside because they cannot be applied, kept so a retry can apply them after a fix.</summary>
public sealed partial class IngestionBatchWriter
{
    /// <summary>Longest exception message kept with a dead letter.</summary>
    internal const int MaxExceptionMessageLength = 2_000;

    /// <summary>
    /// Records that <paramref name="e"/> cannot be applied: a new row, or one more failed attempt on the row it was
    /// retried from. Returns the row's id. A store failure here throws like any write (the caller waits it out).
    /// </summary>
    public async Task<long> WriteDeadLetterAsync(IngestEvent e, Exception failure, long failedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(failure);
        await OpenAsync(cancellationToken);
        var type = failure.GetType().FullName ?? failure.GetType().Name;
        var message = TextClip.ToLength(failure.Message, MaxExceptionMessageLength) ?? string.Empty;
        if (e.DeadLetterId is { } existing)
        {
            await using var update = _connection!.CreateCommand();
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

        await using var insert = _connection!.CreateCommand();
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

    /// <summary>A retried dead letter was applied (or found invalid): its row goes in the batch's own transaction.</summary>
    private void RemoveDeadLetter(SqliteTransaction transaction, long id)
    {
        using var delete = _connection!.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandText = "DELETE FROM ingestionDeadLetters WHERE id = $id";
        delete.Parameters.AddWithValue("$id", id);
        delete.ExecuteNonQuery();
    }

    /// <summary>
    /// Drops the connection and its statements; the next write opens a fresh one. After the store refused a write
    /// (an I/O error, a file that was read-only or could not be opened), a new connection sees the store as it is now.
    /// </summary>
    public async ValueTask CloseConnectionAsync()
    {
        _sql?.Dispose();
        _sql = null;
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }
}
