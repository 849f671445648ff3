using Microsoft.Data.Sqlite;
using Npgsql;

namespace DiscordAnalytics.Core.Ingestion;

/// <summary>
/// Tells a failure of the store (it cannot take writes now: full, I/O error, read-only, locked, busy, cannot be
/// opened) from a failure of the event being written (an unforeseen shape, a bug). The first is waited out with
/// every event kept; only the second may set an event aside as a dead letter.
/// </summary>
public static class StoreFailure
{
    /// <summary>
    /// The reason the store cannot take writes, in words fit for /healthz and the top bar (never the exception's own
    /// text, which may name paths); null when the failure is not the store's.
    /// </summary>
    public static string? ReasonOf(Exception exception) => exception switch
    {
        // Microsoft.Data.Sqlite reports the primary code; masking keeps extended codes (e.g. SQLITE_IOERR_WRITE) working too.
        SqliteException sqlite => (sqlite.SqliteErrorCode & 0xFF) switch
        {
            13 => "store full",
            10 => "store I/O error",
            8 => "store read-only",
            5 or 6 => "store locked by another connection",
            14 => "store cannot be opened",
            3 => "store access denied",
            7 => "out of memory",
            15 => "store lock protocol error",
            // A damaged file fails every event alike: dead-lettering them all would only move the loss elsewhere.
            11 or 26 => "store damaged",
            _ => null,
        },
        PostgresException postgres => ReasonOf(postgres),
        // Another writer changed rows the batch counted on (a leader that lost its lock still committing): written again.
        Postgres.ConcurrentWriteException => "store changed by another writer",
        // No answer from the server at all (refused, reset, timed out): Npgsql's own exceptions, outside a statement.
        NpgsqlException { IsTransient: true } => "store server unreachable",
        NpgsqlException { InnerException: IOException or System.Net.Sockets.SocketException or TimeoutException } => "store server unreachable",
        IOException => "store I/O error",
        UnauthorizedAccessException => "store access denied",
        _ => null,
    };

    /// <summary>
    /// True when <paramref name="exception"/> comes from the store's provider (SQLite or PostgreSQL, also wrapped by EF
    /// Core): a caller that keeps going without the store (sign-in in memory, a gap repair that reads the store again
    /// later) catches these, whichever provider is in use, and nothing else.
    /// </summary>
    public static bool IsFromStore(Exception exception) => ProviderExceptionOf(exception) is not null || ReasonOf(exception) is not null;

    /// <summary>
    /// The provider's own exception (<see cref="SqliteException"/>, <see cref="NpgsqlException"/>): the exception itself,
    /// or the cause EF Core wrapped it in (an update exception, or the execution strategy's "likely due to a transient
    /// failure"); null when the failure is not the provider's.
    /// </summary>
    public static Exception? ProviderExceptionOf(Exception exception) => exception switch
    {
        SqliteException or NpgsqlException => exception,
        Microsoft.EntityFrameworkCore.DbUpdateException or InvalidOperationException when exception.InnerException is { } inner => ProviderExceptionOf(inner),
        _ => null,
    };

    /// <summary>
    /// PostgreSQL's error classes (SQLSTATE): the server, its disk or its connections fail every event alike and are
    /// waited out; data errors (class 22), constraint violations (23) and the like are the event's own.
    /// </summary>
    private static string? ReasonOf(PostgresException postgres) => postgres.SqlState switch
    {
        "53100" => "store full",
        "53200" => "out of memory",
        "53300" => "store server has too many connections",
        "25006" => "store read-only",
        "42501" => "store access denied",
        "3D000" => "store cannot be opened",
        "55P03" or "40P01" or "40001" => "store locked by another connection",
        "XX001" or "XX002" => "store damaged",
        _ when postgres.SqlState.StartsWith("08", StringComparison.Ordinal) => "store server unreachable",
        _ when postgres.SqlState.StartsWith("28", StringComparison.Ordinal) => "store access denied",
        _ when postgres.SqlState.StartsWith("57P", StringComparison.Ordinal) => "store server shutting down",
        _ when postgres.SqlState.StartsWith("58", StringComparison.Ordinal) => "store I/O error",
        _ when postgres.SqlState.StartsWith("53", StringComparison.Ordinal) => "store server out of resources",
        _ => null,
    };
}
