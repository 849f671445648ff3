using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;

namespace DiscordAnalytics.Tests.Ingestion;

/// <summary>
/// <c>members.firstPostAt</c> (what new-member activation reads), kept by the real writer in a real SQLite file, equals
/// what the event stream says: the earliest present message in the week from the member's join, whatever order joins,
/// creates, deletes (before or after their create) and redeliveries arrive in, in any batch size; and the migration
/// fills an existing store with exactly what the writer keeps.
/// </summary>
public abstract class MemberFirstPostTests(StoreProvider provider)
{
    private static readonly long EndAt = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    [Theory]
    [InlineData(21, 1)]
    [InlineData(22, 37)]
    [InlineData(23, 5_000)]
    public async Task Write_RandomStreamInBatches_FirstPostsEqualGroundTruth(int seed, int batchSize)
    {
        var events = RandomEventStream.Generate(seed, activity: 3_000, endAt: EndAt, days: 20);
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);

        await store.WriteInBatchesAsync(events, batchSize);

        var truth = new GroundTruth(events).FirstPosts();
        // The stream holds both kinds, or the comparison below would prove little.
        Assert.Contains(truth.Values, m => m.FirstPostAt is not null);
        Assert.Contains(truth.Values, m => m.FirstPostAt is null);
        Assert.Equal(Sorted(truth), await StoredAsync(store));
    }

    [Fact]
    public async Task Write_EarlierPostDeliveredLater_BecomesTheFirstPost_PostsOutsideTheWeekNever()
    {
        const ulong guild = 9_300, channel = 9_301, newcomer = 9_302;
        const long hour = 3_600_000;
        var joinedAt = EndAt - (10 * 24 * hour);
        IngestEvent Post(long at) => new()
        {
            Type = IngestEventType.MessageCreate, GuildId = guild, EventAt = at, ChannelId = channel,
            MessageId = Core.Discord.Snowflake.FromUnixMs(at), UserId = newcomer, Excerpt = "hi",
        };
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        await using var writer = new IngestionBatchWriter(store.Storage, GuildMode.Live, NullLogger.Instance);
        await writer.WriteAsync(
            [
                new() { Type = IngestEventType.GuildUpsert, GuildId = guild, EventAt = joinedAt - hour, Name = "g" },
                new() { Type = IngestEventType.MemberAdd, GuildId = guild, EventAt = joinedAt, UserId = newcomer, Name = "newcomer" },
                Post(joinedAt + (8 * 24 * hour)),
            ],
            CancellationToken.None);
        Assert.Equal([((long)newcomer, joinedAt, (long?)null)], await StoredAsync(store));

        await writer.WriteAsync([Post(joinedAt + (5 * hour))], CancellationToken.None);
        // A history backfill delivers older messages afterwards: one before the join, one in the first hour.
        await writer.WriteAsync([Post(joinedAt - hour), Post(joinedAt + hour)], CancellationToken.None);

        Assert.Equal([((long)newcomer, joinedAt, (long?)(joinedAt + hour))], await StoredAsync(store));
    }

    private static List<(long User, long JoinedAt, long? FirstPostAt)> Sorted(IReadOnlyDictionary<ulong, (long JoinedAt, long? FirstPostAt)> truth) =>
        [.. truth.Select(t => ((long)t.Key, t.Value.JoinedAt, t.Value.FirstPostAt)).OrderBy(t => t.Item1)];

    private static async Task<List<(long User, long JoinedAt, long? FirstPostAt)>> StoredAsync(TempSqliteStore store)
    {
        await using var db = store.NewContext();
        var members = await db.Members.Where(m => m.JoinedAt != null).OrderBy(m => m.UserId).ToListAsync();
        return [.. members.Select(m => (m.UserId, m.JoinedAt!.Value, m.FirstPostAt))];
    }

    /// <summary>SQLite only: these step an old SQLite store through its migrations; a PostgreSQL store began at the current schema.</summary>
    public sealed class OnSqlite() : MemberFirstPostTests(StoreProvider.Sqlite)
    {
        [Fact]
        public async Task SqliteMigration_StoreWrittenBeforeFirstPostsExisted_FillsWhatTheWriterKeeps()
        {
            var events = RandomEventStream.Generate(seed: 24, activity: 3_000, endAt: EndAt, days: 20);
            await using var store = await TempSqliteStore.CreateMigratedAsync();
            await store.WriteInBatchesAsync(events, batchSize: 500);
            var kept = await StoredAsync(store);

            // Back to the schema before this migration (the column goes), then forward again: the migration's fill.
            await using (var db = store.NewContext())
            {
                var migrator = db.GetService<IMigrator>();
                await migrator.MigrateAsync("20261126051434_KeywordDays");
                await migrator.MigrateAsync();
            }

            Assert.Equal(kept, await StoredAsync(store));
            Assert.Equal(Sorted(new GroundTruth(events).FirstPosts()), kept);
        }
    }

    public sealed class OnPostgres() : MemberFirstPostTests(StoreProvider.Postgres);
}
