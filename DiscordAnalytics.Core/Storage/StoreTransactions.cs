using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Core.Storage;

/// <summary>The two kinds of explicit transaction the store's readers and fillers take, on either provider. The context's connection must be open.</summary>
public static class StoreTransactions
{
    /// <summary>
    /// A consistent read that never makes the writer wait. SQLite: DEFERRED (a snapshot, no write lock). PostgreSQL:
    /// REPEATABLE READ (one snapshot for every statement; readers never block writers there).
    /// </summary>
    public static async Task<DbTransaction> BeginReadSnapshotAsync(DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = db.Database.GetDbConnection();
        return connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
    }

    /// <summary>
    /// A write that must read and write without the ingestion writer changing <paramref name="table"/> in between.
    /// SQLite: IMMEDIATE (the store's write lock, taken first). PostgreSQL: the table locked against other writers
    /// (SHARE ROW EXCLUSIVE) before anything is read; a writer's change to it waits for this commit.
    /// </summary>
    public static async Task<DbTransaction> BeginExclusiveWriteAsync(DbContext db, string table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = db.Database.GetDbConnection();
        if (connection is SqliteConnection sqlite)
        {
            return sqlite.BeginTransaction(deferred: false);
        }

        var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return transaction;
    }
}
