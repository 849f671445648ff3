using Microsoft.Data.Sqlite;

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
        IOException => "store I/O error",
        UnauthorizedAccessException => "store access denied",
        _ => null,
    };
}
