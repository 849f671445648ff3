using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DiscordAnalytics.Tests.Storage;

/// <summary>
/// Pooled connections (every EF context's) keep a small page cache, native memory the pool would otherwise hold per
/// connection; the ingestion writer's own connection keeps SQLite's default. SQLite only, by nature: PostgreSQL's
/// cache is the server's, so there is no OnPostgres counterpart.
/// </summary>
public sealed class SqlitePageCacheTests
{
    [Fact]
    public async Task ContextConnection_HasThePooledPageCache()
    {
        await using var store = await TempSqliteStore.CreateMigratedAsync();
        await using var db = store.NewContext();
        await db.Database.OpenConnectionAsync();

        Assert.Equal(-SqlitePragmas.PooledCacheKiB, await CacheSizeAsync(db.Database.GetDbConnection()));
    }

    [Fact]
    public async Task WriterConnection_KeepsSqlitesDefaultPageCache_EvenFromThePoolAfterAContext()
    {
        await using var store = await TempSqliteStore.CreateMigratedAsync();
        await using (var db = store.NewContext())
        {
            // A context's connection goes back to the pool with the smaller cache set on it.
            await db.Database.OpenConnectionAsync();
        }

        await using var connection = await SqlitePragmas.OpenAsync(store.ConnectionString, CancellationToken.None);

        // SQLite's default, 2,000 KiB (written as a negative count of KiB).
        Assert.Equal(-SqlitePragmas.WriterCacheKiB, await CacheSizeAsync(connection));
        Assert.Equal(2000, SqlitePragmas.WriterCacheKiB);
    }

    private static async Task<long> CacheSizeAsync(System.Data.Common.DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA cache_size";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
