using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Ingestion.Postgres;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Ingestion;

/// <summary>
/// The writer's bulk path on PostgreSQL inserts facts it found absent at the batch's start without waiting for each
/// answer; another writer that stores the same fact meanwhile (a leader that lost its lock, still committing) must not
/// make it count twice; nor another writer that stores the same raw event (the dedupe key of a join, an edit, a
/// delete...). The rest of the bulk path's semantics are the writer's and ground-truth tests' OnPostgres.
/// </summary>
public sealed class PostgresQueuedWritesTests
{
    private const ulong GuildId = 8_800;
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task WriteAsync_AnotherWriterStoresTheMessageMeanwhile_FailsAsTheStoresAndItsRetryCountsNothingTwice()
    {
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(StoreProvider.Postgres, GuildMode.Live);
        var at = Now.ToUnixTimeMilliseconds();
        await store.WriteAsync(Guild(GuildId, "Race", at), Channel(GuildId, 10, "general", at));
        var message = Message(GuildId, 10, 20, at + 1_000);

        // The other writer's row is not committed yet: the writer's batch finds the message absent, and its insert then
        // waits for the other transaction.
        await using var other = (NpgsqlConnection)await store.OpenConnectionAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO messageFacts (guildId, messageId, channelId, authorId, isBot, createdAt, day, isCreated) VALUES ($1, $2, 10, 20, FALSE, $3, $4, TRUE)",
            other,
            transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = (long)GuildId });
            insert.Parameters.Add(new NpgsqlParameter { Value = (long)message.MessageId!.Value });
            insert.Parameters.Add(new NpgsqlParameter { Value = message.EventAt });
            insert.Parameters.Add(new NpgsqlParameter { Value = DayBucket.FromUnixMs(message.EventAt) });
            await insert.ExecuteNonQueryAsync();
        }

        await using var writer = new IngestionBatchWriter(store.Storage, GuildMode.Live, NullLogger.Instance);
        var write = Task.Run(() => writer.WriteAsync([message], CancellationToken.None));
        await using var observer = (NpgsqlConnection)await store.OpenConnectionAsync();
        var waiting = await Eventually.ReturnsAsync(() => WriterWaitsOnALockAsync(observer), waits => waits || write.IsCompleted);
        Assert.True(waiting, "the writer's insert waits on the other writer's row");
        await transaction.CommitAsync();

        var failure = await Assert.ThrowsAsync<ConcurrentWriteException>(() => write);
        Assert.Equal("store changed by another writer", StoreFailure.ReasonOf(failure));

        var retried = await Task.Run(() => writer.WriteAsync([message], CancellationToken.None));
        Assert.Equal(0, retried.Applied);
        await using var db = store.NewContext();
        Assert.Equal(0, db.ChannelDailyRollups.Where(r => r.GuildId == (long)GuildId).Sum(r => r.MessageCount));
    }

    [Fact]
    public async Task WriteAsync_AnotherWriterStoresTheJoinsRawEventMeanwhile_FailsAsTheStoresAndItsRetryCountsNothingTwice()
    {
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(StoreProvider.Postgres, GuildMode.Live);
        var at = Now.ToUnixTimeMilliseconds();
        await store.WriteAsync(Guild(GuildId, "Race", at));
        var join = Join(GuildId, 30, "newcomer", at + 1_000);

        // The join's raw row (its dedupe key) is found absent at the batch's start, so its insert is queued, expecting one row.
        await using var other = (NpgsqlConnection)await store.OpenConnectionAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO analyticsEvents (guildId, keyAt, eventType, eventId, eventAt, userId, isBot) VALUES ($1, $2, $3, $4, $5, 30, FALSE)",
            other,
            transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = (long)GuildId });
            insert.Parameters.Add(new NpgsqlParameter { Value = join.KeyAt });
            insert.Parameters.Add(new NpgsqlParameter { Value = join.TypeName });
            insert.Parameters.Add(new NpgsqlParameter { Value = join.EventId });
            insert.Parameters.Add(new NpgsqlParameter { Value = join.EventAt });
            await insert.ExecuteNonQueryAsync();
        }

        await using var writer = new IngestionBatchWriter(store.Storage, GuildMode.Live, NullLogger.Instance);
        var write = Task.Run(() => writer.WriteAsync([join], CancellationToken.None));
        await using var observer = (NpgsqlConnection)await store.OpenConnectionAsync();
        var waiting = await Eventually.ReturnsAsync(() => WriterWaitsOnALockAsync(observer), waits => waits || write.IsCompleted);
        Assert.True(waiting, "the writer's insert waits on the other writer's row");
        await transaction.CommitAsync();

        var failure = await Assert.ThrowsAsync<ConcurrentWriteException>(() => write);
        Assert.Equal("store changed by another writer", StoreFailure.ReasonOf(failure));

        // Retried, the key is found stored: the join is a duplicate and is not counted.
        var retried = await Task.Run(() => writer.WriteAsync([join], CancellationToken.None));
        Assert.Equal(0, retried.Applied);
        await using var db = store.NewContext();
        Assert.Equal(0, db.GuildDailyRollups.Where(r => r.GuildId == (long)GuildId).Sum(r => r.Joins));
    }

    private static async Task<bool> WriterWaitsOnALockAsync(NpgsqlConnection observer)
    {
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'discord-analytics-writer' AND wait_event_type = 'Lock'",
            observer);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }
}
