using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DiscordAnalytics.Core.Storage;

/// <summary>
/// Every connection to the store gets the same pragmas: WAL (readers never block the writer),
/// synchronous=NORMAL (safe with WAL: a crash loses at most the last commits, never consistency), a
/// busy timeout so a short lock waits instead of failing, a bound on the log file left on disk, and
/// secure_delete: SQLite otherwise leaves deleted or overwritten rows' bytes in free space of the file, so a
/// forgotten member's excerpts and names would stay readable on disk until the page happened to be reused.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    /// <summary>
    /// The size the log file is cut back to when the log starts over after a checkpoint. Bulk ingestion grows the
    /// log to tens of megabytes (<see cref="WalCheckpointer.WriterAutoCheckpointPages"/>); without this bound SQLite
    /// reuses that file at its largest size forever. 4 MiB is about what SQLite's default checkpoint leaves.
    /// </summary>
    public const long LogFileLimitBytes = 4 * 1024 * 1024;

    public static readonly string Sql =
        $"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON; PRAGMA journal_size_limit={LogFileLimitBytes}; PRAGMA secure_delete=ON;";

    public static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }

    public static async Task ApplyAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Opens a plain connection with the store's pragmas (the ingestion writer's own connection).</summary>
    public static async Task<SqliteConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ApplyAsync(connection, cancellationToken);
        return connection;
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default) =>
        ApplyAsync(connection, cancellationToken);
}
