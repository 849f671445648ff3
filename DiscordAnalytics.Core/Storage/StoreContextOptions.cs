using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DiscordAnalytics.Core.Storage;

/// <summary>
/// The one place a context over the store is pointed at its database: SQLite with the store's pragmas, or PostgreSQL.
/// Every context of the app uses it (the analytics store's, the Web's sign-in context, the design-time factories and
/// the tests'), so both providers get the same options everywhere.
/// </summary>
public static class StoreContextOptions
{
    /// <summary>Points <paramref name="builder"/> at the store; <paramref name="historyTable"/> names a context's own migrations history.</summary>
    public static DbContextOptionsBuilder UseStore(this DbContextOptionsBuilder builder, StorageOptions storage, string? historyTable = null)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var migrationsHistory = historyTable ?? HistoryRepository.DefaultTableName;
        if (storage.Kind == StoreProvider.Postgres)
        {
            builder.UseNpgsql(storage.ConnectionString, npgsql => npgsql.MigrationsHistoryTable(migrationsHistory));
        }
        else
        {
            builder
                .UseSqlite(storage.ConnectionString, sqlite => sqlite.MigrationsHistoryTable(migrationsHistory))
                .AddInterceptors(new SqlitePragmas())
                // Migration RawEventTimeKey rebuilds analyticsEvents around its own UPDATE (tested in
                // RawEventKeyMigrationTests) and the rebuild's foreign-key pragma runs outside the transaction
                // (the store has no foreign keys): warnings a fresh store would otherwise print at every first start.
                .ConfigureWarnings(w => w.Ignore(SqliteEventId.TableRebuildPendingWarning, RelationalEventId.NonTransactionalMigrationOperationWarning));
        }

        return builder;
    }

    /// <inheritdoc cref="UseStore(DbContextOptionsBuilder, StorageOptions, string?)"/>
    public static DbContextOptionsBuilder<TContext> UseStore<TContext>(this DbContextOptionsBuilder<TContext> builder, StorageOptions storage, string? historyTable = null)
        where TContext : DbContext
    {
        ((DbContextOptionsBuilder)builder).UseStore(storage, historyTable);
        return builder;
    }

    /// <summary>A SQLite store at <paramref name="connectionString"/> (tests and the bench).</summary>
    public static DbContextOptionsBuilder<TContext> UseSqliteStore<TContext>(this DbContextOptionsBuilder<TContext> builder, string connectionString)
        where TContext : DbContext =>
        builder.UseStore(new StorageOptions { ConnectionString = connectionString });
}
