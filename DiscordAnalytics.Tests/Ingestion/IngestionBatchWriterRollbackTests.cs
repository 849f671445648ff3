using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace DiscordAnalytics.Tests.Ingestion;

/// <summary>
/// A batch that rolls back leaves nothing behind in the writer either: what its events taught the writer's in-memory
/// copies of the store (thread shapes, deleted messages, forgotten members) is dropped with the transaction, so the
/// next batch is applied against the store as it is. Over a real SQLite file and a real PostgreSQL database; the batch
/// fails for real (a trigger refuses one of its rows).
/// </summary>
public abstract class IngestionBatchWriterRollbackTests(StoreProvider provider)
{
    private const ulong Guild = 1_000;
    private const ulong Parent = 11;
    private const ulong Thread = 12;
    private const ulong Member = 7;
    private static readonly long T0 = new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private static readonly ulong Deleted = Snowflake.FromUnixMs(T0);
    private static readonly ulong Poisoned = Snowflake.FromUnixMs(T0 + 1_000);
    private static readonly ulong Posted = Snowflake.FromUnixMs(T0 + 2_000);

    [Fact]
    public async Task Write_AfterABatchRolledBack_NothingThatBatchTaughtTheWriterCounts()
    {
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        await PoisonTrigger.CreateAsync(store, Poisoned);
        await using var writer = new IngestionBatchWriter(store.Storage, GuildMode.Live, NullLogger.Instance);
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => writer.WriteAsync(
            [
                new IngestEvent { Type = IngestEventType.ChannelUpsert, GuildId = Guild, EventAt = T0, ChannelId = Thread, Name = "a thread", ChannelType = 11, ParentId = Parent },
                new IngestEvent { Type = IngestEventType.MessageDelete, GuildId = Guild, EventAt = T0 + 500, ChannelId = Parent, MessageId = Deleted },
                new IngestEvent { Type = IngestEventType.MemberForget, GuildId = Guild, EventAt = T0 + 600, UserId = Member },
                Create(Poisoned, Parent, user: 8),
            ],
            CancellationToken.None));

        await writer.WriteAsync(
            [
                Create(Posted, Thread, user: Member),
                new IngestEvent { Type = IngestEventType.ReactionAdd, GuildId = Guild, EventAt = T0 + 3_000, ChannelId = Parent, MessageId = Deleted, UserId = 9, Emoji = "🔥" },
            ],
            CancellationToken.None);

        await using var db = store.NewContext();
        // The member was never forgotten, the thread never stored, the message never deleted: none of it holds.
        Assert.Empty(await db.MemberPrivacy.ToListAsync());
        var posted = await db.MessageFacts.SingleAsync(f => f.MessageId == (long)Posted);
        Assert.Equal(((long)Thread, (long?)null), (posted.ChannelId, posted.ThreadId));
        Assert.Equal(1, await db.ChannelDailyRollups.Where(r => r.ChannelId == (long)Thread).SumAsync(r => r.MessageCount));
        Assert.Equal(1, await db.ChannelDailyRollups.Where(r => r.ChannelId == (long)Parent).SumAsync(r => r.ReactionCount));
        Assert.Equal(1, (await db.TopContentDaily.SingleAsync(c => c.MessageId == (long)Deleted)).ReactionScore);
    }

    private static IngestEvent Create(ulong message, ulong channel, ulong user) => new()
    {
        Type = IngestEventType.MessageCreate,
        GuildId = Guild,
        EventAt = Snowflake.ToUnixMs(message),
        ChannelId = channel,
        MessageId = message,
        UserId = user,
        Excerpt = "hello",
    };

    public sealed class OnSqlite() : IngestionBatchWriterRollbackTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : IngestionBatchWriterRollbackTests(StoreProvider.Postgres);
}
