using DiscordAnalytics.Core.Storage;
using System.Data.Common;

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
    public static async Task<long> RecordAsync(DbConnection connection, IngestEvent e, Exception failure, long failedAt, CancellationToken cancellationToken)
    {
        var type = failure.GetType().FullName ?? failure.GetType().Name;
        var message = TextClip.ToLength(failure.Message, MaxExceptionMessageLength) ?? string.Empty;
        if (e.DeadLetterId is { } existing)
        {
            await using var update = connection.CreateCommand();
            update.CommandText = """
                UPDATE ingestionDeadLetters SET attempts = attempts + 1, exceptionType = @type, exceptionMessage = @message, lastFailedAt = @at
                WHERE id = @id
                """;
            Add(update, "@type", type);
            Add(update, "@message", message);
            Add(update, "@at", failedAt);
            Add(update, "@id", existing);
            if (await update.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                return existing;
            }
        }

        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO ingestionDeadLetters (guildId, eventType, eventId, userId, eventJson, exceptionType, exceptionMessage, firstFailedAt, lastFailedAt, attempts)
            VALUES (@guild, @eventType, @eventId, @user, @json, @type, @message, @at, @at, 1)
            RETURNING id
            """;
        Add(insert, "@guild", (long)e.GuildId);
        Add(insert, "@eventType", e.TypeName);
        Add(insert, "@eventId", e.EventId);
        Add(insert, "@user", e.UserId is { } user ? (long)user : DBNull.Value);
        Add(insert, "@json", DeadLetterJson.Write(e));
        Add(insert, "@type", type);
        Add(insert, "@message", message);
        Add(insert, "@at", failedAt);
        return Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    // Named @parameters: both Microsoft.Data.Sqlite and Npgsql take them.
    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
