using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DiscordAnalytics.Tests.Ingestion;

/// <summary>
/// The quarter-hour counts (heat map, summary hourly; one row per channel-day) written by the real writer into a
/// real SQLite file equal the present messages counted straight from the event stream: duplicates once, deletes
/// subtracted in the message's creation quarter hour, bots in their own rows, thread messages in the parent channel.
/// </summary>
public abstract class QuarterHourRollupTests(StoreProvider provider)
{
    private static readonly long EndAt = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    [Theory]
    [InlineData(11, 1)]
    [InlineData(12, 37)]
    [InlineData(13, 5_000)]
    public async Task Write_RandomStreamInBatches_EqualsGroundTruth(int seed, int batchSize)
    {
        var events = RandomEventStream.Generate(seed, activity: 2_500, endAt: EndAt, days: 20);
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);

        await store.WriteInBatchesAsync(events, batchSize);

        var truth = new GroundTruth(events).QuarterHours();
        Assert.Contains(truth.Keys, k => k.IsBot);
        Assert.Contains(truth.Keys, k => k.Channel == RandomEventStream.ThreadParentId);
        Assert.Equal(Sorted(truth), await RollupsAsync(store));
    }

    [Fact]
    public async Task Write_SameStreamTwice_ChangesNothing()
    {
        var events = RandomEventStream.Generate(seed: 14, activity: 1_500, endAt: EndAt, days: 10);
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        await store.WriteInBatchesAsync(events, batchSize: 100);
        var first = await RollupsAsync(store);

        await store.WriteInBatchesAsync(events, batchSize: 100);

        Assert.Equal(first, await RollupsAsync(store));
    }

    private static Task<int> TableCountAsync(DbContext db, string table) =>
        db.Database.SqlQuery<int>($"SELECT count(*) AS \"Value\" FROM sqlite_master WHERE name = {table}").SingleAsync();


    /// <summary>
    /// Every stored quarter hour as (epoch quarter-hour bucket, channel, isBot, messages), non-zero only (a create and
    /// its delete in two batches leave a zero); never a negative one.
    /// </summary>
    private static async Task<List<(long Bucket, ulong Channel, bool IsBot, long Messages)>> RollupsAsync(TempSqliteStore store)
    {
        await using var db = store.NewContext();
        var rows = await db.ChannelDayQuarterHours.Where(r => r.GuildId == (long)RandomEventStream.GuildId).ToListAsync();
        var quarters = new List<(long Bucket, ulong Channel, bool IsBot, long Messages)>();
        foreach (var row in rows)
        {
            Assert.Equal(QuarterHourCounts.StoredLength, row.MessageCounts.Length);
            var counts = new long[QuarterHourCounts.PerDay];
            QuarterHourCounts.AddTo(row.MessageCounts, counts);
            for (var q = 0; q < counts.Length; q++)
            {
                Assert.True(counts[q] >= 0, $"negative count on day {row.Day}, quarter {q}");
                if (counts[q] != 0)
                {
                    quarters.Add((row.Day * 96L + q, (ulong)row.ChannelId, row.IsBot, counts[q]));
                }
            }
        }

        return [.. quarters.OrderBy(r => r.Bucket).ThenBy(r => r.Channel).ThenBy(r => r.IsBot)];
    }

    private static List<(long Bucket, ulong Channel, bool IsBot, long Messages)> Sorted(IReadOnlyDictionary<(long Bucket, ulong Channel, bool IsBot), long> truth) =>
        [.. truth.Select(t => (t.Key.Bucket, t.Key.Channel, t.Key.IsBot, t.Value))
            .OrderBy(r => r.Bucket).ThenBy(r => r.Channel).ThenBy(r => r.IsBot)];

    /// <summary>SQLite only: these step an old SQLite store through its migrations; a PostgreSQL store began at the current schema.</summary>
    public sealed class OnSqlite() : QuarterHourRollupTests(StoreProvider.Sqlite)
    {
        [Fact]
        public async Task SqliteMigration_StoreWrittenBeforeTheRollupsExisted_FillsThemFromMessageFacts()
        {
            var events = RandomEventStream.Generate(seed: 15, activity: 2_000, endAt: EndAt, days: 15);
            await using var store = await TempSqliteStore.CreateMigratedAsync();
            await store.WriteInBatchesAsync(events, batchSize: 500);

            // Back to the schema before this migration (the table goes), then forward again: the migration's fill.
            await using (var db = store.NewContext())
            {
                var migrator = db.GetService<IMigrator>();
                await migrator.MigrateAsync("20261125193330_RawEventTimeKey");
                Assert.Equal(0, await TableCountAsync(db, "channelQuarterHourRollups"));
                await migrator.MigrateAsync();
            }

            Assert.Equal(Sorted(new GroundTruth(events).QuarterHours()), await RollupsAsync(store));
        }

        [Fact]
        public async Task SqliteMigration_StoreWithQuarterHourRows_MovesEveryCountToItsChannelDayUnchanged()
        {
            var events = RandomEventStream.Generate(seed: 16, activity: 1_500, endAt: EndAt, days: 10);
            await using var store = await TempSqliteStore.CreateMigratedAsync();
            await store.WriteInBatchesAsync(events, batchSize: 500);
            var expected = Sorted(new GroundTruth(events).QuarterHours());
            // Rows the message facts no longer explain (retention pruned them): a last quarter hour of a day, and a
            // count that needs more than two bytes.
            var lastQuarterOfADay = DayBucket.FromUnixMs(EndAt) * 96L - 1;
            expected.Add((lastQuarterOfADay, 4242, false, 70_000));
            expected.Add((lastQuarterOfADay, 4242, true, 1));

            await using (var db = store.NewContext())
            {
                var migrator = db.GetService<IMigrator>();
                await migrator.MigrateAsync("20261125223953_ReactionState");
                Assert.Equal(0, await TableCountAsync(db, "channelDayQuarterHours"));
                await db.Database.ExecuteSqlRawAsync(
                    "INSERT INTO channelQuarterHourRollups (guildId, bucket, channelId, isBot, messageCount) VALUES ({0}, {1}, 4242, 0, 70000), ({0}, {1}, 4242, 1, 1)",
                    (long)RandomEventStream.GuildId, lastQuarterOfADay);
                await migrator.MigrateAsync();
                Assert.Equal(0, await TableCountAsync(db, "channelQuarterHourRollups"));
            }

            Assert.Equal(expected.OrderBy(r => r.Bucket).ThenBy(r => r.Channel).ThenBy(r => r.IsBot), await RollupsAsync(store));
        }
    }

    public sealed class OnPostgres() : QuarterHourRollupTests(StoreProvider.Postgres);
}
