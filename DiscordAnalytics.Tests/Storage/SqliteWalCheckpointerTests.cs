using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace DiscordAnalytics.Tests.Storage;

/// <summary>
/// The writer's log is copied back into the database file by a background checkpoint, not inside its commits:
/// after bulk batches the file holds every page while the writer is still open; a trickle of live events does
/// not checkpoint on every commit. SQLite only, by nature: it is about SQLite's write-ahead log file; PostgreSQL
/// checkpoints its own log and the writer has no checkpointer there, so there is no OnPostgres counterpart.
/// </summary>
public sealed class SqliteWalCheckpointerTests
{
    private const ulong Guild = 9_300;
    private static readonly long At = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    [Fact]
    public async Task Writer_BulkBatches_CheckpointsTheLogIntoTheFileInTheBackground()
    {
        await using var store = await TempSqliteStore.CreateMigratedAsync();
        await using var writer = new IngestionBatchWriter(store.ConnectionString, GuildMode.Live, NullLogger.Instance);

        for (var batch = 0; batch < 5; batch++)
        {
            await writer.WriteAsync(Messages(batch * 2_000, 2_000), CancellationToken.None);
        }

        await writer.CheckpointIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));

        var (file, database) = await SizesAsync(store);
        Assert.True(database > 200 * 4096, $"the batches filled {database} bytes");
        Assert.Equal(database, file);
    }

    [Fact]
    public async Task Writer_FewEventsPerCommit_LeavesThemInTheLog()
    {
        await using var store = await TempSqliteStore.CreateMigratedAsync();
        await using var writer = new IngestionBatchWriter(store.ConnectionString, GuildMode.Live, NullLogger.Instance);
        var (fileBefore, _) = await SizesAsync(store);

        for (var batch = 0; batch < 20; batch++)
        {
            await writer.WriteAsync(Messages(batch * 5, 5), CancellationToken.None);
        }

        await writer.CheckpointIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));

        // 100 events are fewer than IngestionBatchWriter.CheckpointEveryEvents: no checkpoint was asked for, so
        // the file is as the migration left it and the new pages are in the log (readers see them there).
        var (file, database) = await SizesAsync(store);
        Assert.True(IngestionBatchWriter.CheckpointEveryEvents > 100);
        Assert.Equal(fileBefore, file);
        Assert.True(database > file, $"the database is {database} bytes, its file {file}");
    }

    [Fact]
    public async Task Writer_AfterABulkBatch_CutsTheLogFileBackWhenTheLogStartsOver()
    {
        await using var store = await TempSqliteStore.CreateMigratedAsync();
        await using var writer = new IngestionBatchWriter(store.ConnectionString, GuildMode.Live, NullLogger.Instance);

        // One transaction large enough to take the log past its bound.
        await writer.WriteAsync(Messages(0, 100_000), CancellationToken.None);
        var grown = new FileInfo(store.Path + "-wal").Length;
        Assert.True(grown > SqlitePragmas.LogFileLimitBytes, $"the log grew to {grown} bytes");
        await writer.CheckpointIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));

        // The next commit starts the fully checkpointed log over and cuts its file back to the bound.
        await writer.WriteAsync(Messages(100_000, 5), CancellationToken.None);
        var after = new FileInfo(store.Path + "-wal").Length;
        Assert.True(after <= SqlitePragmas.LogFileLimitBytes, $"the log file is {after} bytes");
    }

    private static List<IngestEvent> Messages(int first, int count) =>
        [.. Enumerable.Range(first, count).Select(i =>
            TestEvents.Message(Guild, 10 + (ulong)(i % 5), 20 + (ulong)(i % 40), At + i * 1_000L, (ulong)i, $"message {i} with a little text"))];

    /// <summary>The main file's length, and the database's size as a reader sees it (log included).</summary>
    private static async Task<(long File, long Database)> SizesAsync(TempSqliteStore store)
    {
        await using var connection = new SqliteConnection($"{store.ConnectionString};Pooling=False");
        await connection.OpenAsync();
        await using var size = connection.CreateCommand();
        size.CommandText = "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()";
        var database = (long)(await size.ExecuteScalarAsync())!;
        return (new FileInfo(store.Path).Length, database);
    }
}
