using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>A real SQLite store file in a fresh temp folder, migrated, deleted on dispose; also the context factory query services take.</summary>
public sealed class TempSqliteStore : IAsyncDisposable, IDbContextFactory<AnalyticsDbContext>
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("da-test-");

    public TempSqliteStore()
    {
        Path = System.IO.Path.Combine(_folder.FullName, "analytics.db");
        ConnectionString = $"Data Source={Path}";
    }

    public string Path { get; }

    public string ConnectionString { get; }

    public DbContextOptions<AnalyticsDbContext> ContextOptions =>
        new DbContextOptionsBuilder<AnalyticsDbContext>().UseSqlite(ConnectionString).AddInterceptors(new SqlitePragmas()).Options;

    public static async Task<TempSqliteStore> CreateMigratedAsync()
    {
        var store = new TempSqliteStore();
        await using var db = store.NewContext();
        await db.Database.MigrateAsync();
        return store;
    }

    public AnalyticsDbContext NewContext() => new(ContextOptions);

    public AnalyticsDbContext CreateDbContext() => NewContext();

    /// <summary>Writes <paramref name="events"/> through one real ingestion writer, <paramref name="batchSize"/> per transaction.</summary>
    public async Task WriteInBatchesAsync(IEnumerable<IngestEvent> events, int batchSize)
    {
        await using var writer = new IngestionBatchWriter(ConnectionString, "live", NullLogger.Instance);
        foreach (var chunk in events.Chunk(batchSize))
        {
            await writer.WriteAsync(chunk, CancellationToken.None);
        }
    }

    /// <summary>Runs SQL on the store outside the app (a trigger that makes a write fail for real, a direct check).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A connection still closing; the OS temp cleaner gets it.
        }

        return ValueTask.CompletedTask;
    }
}
