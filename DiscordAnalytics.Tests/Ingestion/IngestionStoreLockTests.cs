using DiscordAnalytics.Core.Storage.Entities;
using System.Data.Common;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DiscordAnalytics.Tests.Ingestion;

/// <summary>
/// A store write-locked by another program (a second app instance on the same file, a sqlite3 shell in a
/// transaction; on PostgreSQL a transaction holding the table locked): the pipeline waits for the lock, however
/// long, and loses nothing. Before, a lock was
/// treated like any failing batch: 4 attempts (each one a full busy timeout) and then the batch was
/// written event by event and every event skipped. The test holds the lock through two waits (SQLite's
/// busy timeout is 10 s each; the command timeout is cut to 1 s so the driver does not add its own 30 s)
/// and checks that the lock is a store failure (waited out, said once), never a dead letter.
/// </summary>
public abstract class IngestionStoreLockTests(StoreProvider provider)
{
    private static readonly long T0 = new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    [Fact]
    public async Task Write_StoreLockedLongerThanEveryRetry_WaitsAndLosesNothing()
    {
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        var logs = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        using var pipeline = new IngestionPipeline(
            Options.Create(new IngestionOptions { QueueCapacity = 100, MaxBatchSize = 50 }),
            Options.Create(WaitingBriefly(store)),
            new IngestionMode(IsDemo: false),
            new IngestionNotifier(),
            TimeProvider.System,
            loggers.CreateLogger<IngestionPipeline>());

        await using (var locker = await LockAsync(store))
        {
            await pipeline.StartAsync(CancellationToken.None);
            for (var i = 0; i < 20; i++)
            {
                var id = Snowflake.FromUnixMs(T0) + (ulong)i;
                await pipeline.WriteAsync(new IngestEvent { Type = IngestEventType.MessageCreate, GuildId = 5_000, EventAt = Snowflake.ToUnixMs(id), ChannelId = 1, MessageId = id, UserId = 2 }, default);
            }

            await Eventually.TrueAsync(
                () => pipeline.StoreStatus.FailedAttempts >= 2,
                "the batch has waited out two busy timeouts",
                TimeSpan.FromMinutes(2));
            Assert.Equal(0, pipeline.Processed);
            Assert.Equal(StoreWriteState.StoreUnavailable, pipeline.StoreStatus.State);
            Assert.Equal("store locked by another connection", pipeline.StoreStatus.Reason);
            Assert.Single(logs.Lines, l => l.Contains("refuses writes (store locked by another connection)", StringComparison.Ordinal));
        }

        await pipeline.FlushAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        await using var db = store.NewContext();
        Assert.Equal(20, await db.ChannelDailyRollups.SumAsync(r => r.MessageCount));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("dead letter", StringComparison.Ordinal));
        Assert.Equal(StoreWriteState.Writing, pipeline.StoreStatus.State);
        await pipeline.StopAsync(CancellationToken.None);
    }

    /// <summary>
    /// The writer's settings with short waits: SQLite's command timeout cut to 1 s (its busy timeout still waits 10 s);
    /// PostgreSQL waits for a lock without end unless told, so <c>lock_timeout</c> makes each attempt give up after 1 s.
    /// </summary>
    private static StorageOptions WaitingBriefly(TempSqliteStore store) => store.Provider == StoreProvider.Postgres
        ? TestPostgres.StoreOnPostgres($"{store.ConnectionString};Options=-c lock_timeout=1000")
        : new StorageOptions { ConnectionString = $"{store.ConnectionString};Default Timeout=1" };

    /// <summary>
    /// Another connection holding the write lock until disposed: SQLite's <c>BEGIN IMMEDIATE</c>; on PostgreSQL a
    /// transaction holding <c>messageFacts</c> in EXCLUSIVE mode (reads go on, writes wait), as a second program's
    /// long maintenance would.
    /// </summary>
    private static async Task<DbConnection> LockAsync(TempSqliteStore store)
    {
        DbConnection locker = store.Provider == StoreProvider.Postgres
            ? new NpgsqlConnection(store.ConnectionString)
            : new SqliteConnection($"{store.ConnectionString};Pooling=False");
        await locker.OpenAsync();
        await using var begin = locker.CreateCommand();
        begin.CommandText = store.Provider == StoreProvider.Postgres ? "BEGIN; LOCK TABLE messageFacts IN EXCLUSIVE MODE" : "BEGIN IMMEDIATE";
        await begin.ExecuteNonQueryAsync();
        return locker;
    }

    public sealed class OnSqlite() : IngestionStoreLockTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : IngestionStoreLockTests(StoreProvider.Postgres);
}
