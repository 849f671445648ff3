using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;

namespace DiscordAnalytics.Tests.Storage;

/// <summary>
/// A store written before raw events were keyed by time (migration RawEventTimeKey) keeps every raw event,
/// and each gets the key time the writer computes now, so events it already had still dedupe.
/// </summary>
public sealed class RawEventKeyMigrationTests
{
    private const ulong Guild = 1_000;
    private const ulong Channel = 11;
    private static readonly long T0 = new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private static readonly ulong Message = Snowflake.FromUnixMs(T0 - 60_000) + 5;
    private static readonly ulong ThreadId = Snowflake.FromUnixMs(T0 - 120_000) + 9;

    private static readonly IngestEvent[] EveryKeyShape =
    [
        new() { Type = IngestEventType.MessageCreate, GuildId = Guild, EventAt = T0, ChannelId = Channel, MessageId = Message, UserId = 7 },
        new() { Type = IngestEventType.MessageUpdate, GuildId = Guild, EventAt = T0 + 50, ChannelId = Channel, MessageId = Message, EditedAt = T0 + 40 },
        new() { Type = IngestEventType.MessageUpdate, GuildId = Guild, EventAt = T0 + 60, ChannelId = Channel, MessageId = Message },
        new() { Type = IngestEventType.ThreadCreate, GuildId = Guild, EventAt = T0 + 70, ChannelId = ThreadId, ParentId = Channel, UserId = 7, ChannelType = ChannelTypes.PublicThread },
        new() { Type = IngestEventType.ReactionAdd, GuildId = Guild, EventAt = T0 + 80, ChannelId = Channel, MessageId = Message, UserId = 8, Emoji = "🔥" },
        new() { Type = IngestEventType.ReactionRemove, GuildId = Guild, EventAt = T0 + 90, ChannelId = Channel, MessageId = Message, UserId = 8, Emoji = "🔥" },
        new() { Type = IngestEventType.ReactionRemoveEmoji, GuildId = Guild, EventAt = T0 + 95, ChannelId = Channel, MessageId = Message, Emoji = "🔥" },
        new() { Type = IngestEventType.ReactionRemoveAll, GuildId = Guild, EventAt = T0 + 96, ChannelId = Channel, MessageId = Message },
        new() { Type = IngestEventType.MemberAdd, GuildId = Guild, EventAt = T0 + 100, UserId = 9, Name = "nine" },
        new() { Type = IngestEventType.MemberRemove, GuildId = Guild, EventAt = T0 + 110, UserId = 9, DeliveryId = "process-a-17" },
        new() { Type = IngestEventType.MemberRemove, GuildId = Guild, EventAt = T0 + 120, UserId = 10 },
        new() { Type = IngestEventType.MessageDelete, GuildId = Guild, EventAt = T0 + 130, ChannelId = Channel, MessageId = Message },
    ];

    [Fact]
    public async Task Migrate_RawEventsWrittenBeforeTimeKeys_GetTheKeyTimeTheWriterComputesAndStillDedupe()
    {
        await using var store = TempSqliteStore.CreateUnmigrated();
        await using (var db = store.NewContext())
        {
            await db.GetService<IMigrator>().MigrateAsync("HelpChannels");
        }

        await InsertAsOldRawRowsAsync(store.ConnectionString, EveryKeyShape);

        await using (var db = store.NewContext())
        {
            await db.Database.MigrateAsync();
            var keys = await db.AnalyticsEvents.ToDictionaryAsync(e => (e.EventType, e.EventId), e => e.KeyAt);
            Assert.Equal(EveryKeyShape.Length, keys.Count);
            Assert.All(EveryKeyShape, e => Assert.Equal(e.KeyAt, keys[(e.TypeName, e.EventId)]));
        }

        // Creates and reaction adds are deduped by their facts now (this test writes none, the old writer
        // did); every other event is still deduped by its migrated raw row.
        await using var writer = new IngestionBatchWriter(store.ConnectionString, GuildMode.Live, NullLogger.Instance);
        var again = await writer.WriteAsync([.. EveryKeyShape.Where(e => e.Type is not (IngestEventType.MessageCreate or IngestEventType.ReactionAdd))], CancellationToken.None);
        Assert.Equal(0, again.Applied);
    }

    [Fact]
    public void KeyAt_MessageAndThreadEvents_IsTheSnowflakeTimeNotTheEventTime()
    {
        Assert.Equal(Snowflake.ToUnixMs(Message), EveryKeyShape[0].KeyAt);
        Assert.Equal(Snowflake.ToUnixMs(Message), EveryKeyShape[^1].KeyAt);
        Assert.Equal(Snowflake.ToUnixMs(ThreadId), EveryKeyShape[3].KeyAt);
        Assert.Equal(T0 + 40, EveryKeyShape[1].KeyAt);
        Assert.Equal(T0 + 80, EveryKeyShape[4].KeyAt);
    }

    /// <summary>The rows exactly as the writer stored them before the migration: keyed (guild, type, id), no key time.</summary>
    private static async Task InsertAsOldRawRowsAsync(string connectionString, IEnumerable<IngestEvent> events)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        foreach (var e in events)
        {
            await using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO analyticsEvents (guildId, eventType, eventId, eventAt, channelId, threadId, messageId, userId, emoji, isBot)
                VALUES ($guild, $type, $id, $at, $channel, NULL, $message, $user, $emoji, 0)
                """;
            insert.Parameters.AddWithValue("$guild", (long)e.GuildId);
            insert.Parameters.AddWithValue("$type", e.TypeName);
            insert.Parameters.AddWithValue("$id", e.EventId);
            insert.Parameters.AddWithValue("$at", e.EventAt);
            insert.Parameters.AddWithValue("$channel", (object?)(long?)e.ChannelId ?? DBNull.Value);
            insert.Parameters.AddWithValue("$message", (object?)(long?)e.MessageId ?? DBNull.Value);
            insert.Parameters.AddWithValue("$user", (object?)(long?)e.UserId ?? DBNull.Value);
            insert.Parameters.AddWithValue("$emoji", (object?)e.Emoji ?? DBNull.Value);
            await insert.ExecuteNonQueryAsync();
        }
    }
}
