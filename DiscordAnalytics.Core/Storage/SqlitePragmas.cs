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
/// Pooled connections (every EF context's) also get a smaller page cache, <see cref="PooledCacheKiB"/>.
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

    /// <summary>
    /// The page cache of each pooled connection, in KiB (SQLite's default is 2,000). The cache is native memory outside
    /// the GC heap, one per connection the pool keeps open (seven with the demo's three dashboards), and a pooled
    /// connection's reads are short and mostly served from the kept indexes or the system's file cache: the pages it
    /// once read otherwise stayed resident for the connection's life.
    /// </summary>
    public const int PooledCacheKiB = 512;

    /// <summary>
    /// The page cache of the ingestion writer's own connection (<see cref="OpenAsync"/>), in KiB: SQLite's default,
    /// where the B-trees' inner pages are reused by every batch. Set, not left alone, because the pool may hand the
    /// writer a connection an EF context had set to <see cref="PooledCacheKiB"/> (the setting stays with the connection).
    /// </summary>
    public const int WriterCacheKiB = 2000;

    private static readonly string PooledSql = $"{Sql} PRAGMA cache_size=-{PooledCacheKiB};";

    private static readonly string WriterSql = $"{Sql} PRAGMA cache_size=-{WriterCacheKiB};";

    public static void Apply(DbConnection connection) => Apply(connection, Sql);

    public static Task ApplyAsync(DbConnection connection, CancellationToken cancellationToken) => ApplyAsync(connection, Sql, cancellationToken);

    private static void Apply(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static async Task ApplyAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Opens a plain connection with the store's pragmas (the ingestion writer's own connection).</summary>
    public static async Task<SqliteConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ApplyAsync(connection, WriterSql, cancellationToken);
        return connection;
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection, PooledSql);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default) =>
        ApplyAsync(connection, PooledSql, cancellationToken);
}
