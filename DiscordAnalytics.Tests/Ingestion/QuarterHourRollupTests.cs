using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;

namespace DiscordAnalytics.Tests.Ingestion;

/// <summary>
/// The quarter-hour rollups (heat map, summary hourly) written by the real writer into a real SQLite file equal
/// the present messages counted straight from the event stream: duplicates once, deletes subtracted in the
/// message's creation quarter hour, bots in their own rows, thread messages in the parent channel.
/// </summary>
public sealed class QuarterHourRollupTests
{
    private static readonly long EndAt = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    [Theory]
    [InlineData(11, 1)]
    [InlineData(12, 37)]
    [InlineData(13, 5_000)]
    public async Task Write_RandomStreamInBatches_EqualsGroundTruth(int seed, int batchSize)
    {
        var events = RandomEventStream.Generate(seed, activity: 2_500, endAt: EndAt, days: 20);
        await using var store = await TempSqliteStore.CreateMigratedAsync();

        await WriteAsync(store, events, batchSize);

        var truth = new GroundTruth(events).QuarterHours();
        Assert.Contains(truth.Keys, k => k.IsBot);
        Assert.Contains(truth.Keys, k => k.Channel == RandomEventStream.ThreadParentId);
        Assert.Equal(Sorted(truth), await RollupsAsync(store));
    }

    [Fact]
    public async Task Write_SameStreamTwice_ChangesNothing()
    {
        var events = RandomEventStream.Generate(seed: 14, activity: 1_500, endAt: EndAt, days: 10);
        await using var store = await TempSqliteStore.CreateMigratedAsync();
        await WriteAsync(store, events, batchSize: 100);
        var first = await RollupsAsync(store);

        await WriteAsync(store, events, batchSize: 100);

        Assert.Equal(first, await RollupsAsync(store));
    }

    [Fact]
    public async Task Migration_StoreWrittenBeforeTheRollupsExisted_FillsThemFromMessageFacts()
    {
        var events = RandomEventStream.Generate(seed: 15, activity: 2_000, endAt: EndAt, days: 15);
        await using var store = await TempSqliteStore.CreateMigratedAsync();
        await WriteAsync(store, events, batchSize: 500);

        // Back to the schema before this migration (the table goes), then forward again: the migration's fill.
        await using (var db = store.NewContext())
        {
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync("20261125193330_RawEventTimeKey");
            Assert.Equal(0, await db.Database.SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM sqlite_master WHERE name = 'channelQuarterHourRollups'").SingleAsync());
            await migrator.MigrateAsync();
        }

        Assert.Equal(Sorted(new GroundTruth(events).QuarterHours()), await RollupsAsync(store));
    }

    private static async Task WriteAsync(TempSqliteStore store, List<IngestEvent> events, int batchSize)
    {
        await using var writer = new IngestionBatchWriter(store.ConnectionString, "live", NullLogger.Instance);
        foreach (var chunk in events.Chunk(batchSize))
        {
            await writer.WriteAsync(chunk, CancellationToken.None);
        }
    }

    /// <summary>Non-zero rows (a create and its delete in two batches leave a zero row); never a negative one.</summary>
    private static async Task<List<(long Bucket, ulong Channel, bool IsBot, long Messages)>> RollupsAsync(TempSqliteStore store)
    {
        await using var db = store.NewContext();
        var rows = await db.ChannelQuarterHourRollups.Where(r => r.GuildId == (long)RandomEventStream.GuildId).ToListAsync();
        Assert.All(rows, r => Assert.True(r.MessageCount >= 0, $"negative count in bucket {r.Bucket}"));
        return [.. rows.Where(r => r.MessageCount != 0)
            .Select(r => (r.Bucket, (ulong)r.ChannelId, r.IsBot, r.MessageCount))
            .OrderBy(r => r.Bucket).ThenBy(r => r.Item2).ThenBy(r => r.IsBot)];
    }

    private static List<(long Bucket, ulong Channel, bool IsBot, long Messages)> Sorted(IReadOnlyDictionary<(long Bucket, ulong Channel, bool IsBot), long> truth) =>
        [.. truth.Select(t => (t.Key.Bucket, t.Key.Channel, t.Key.IsBot, t.Value))
            .OrderBy(r => r.Bucket).ThenBy(r => r.Channel).ThenBy(r => r.IsBot)];
}
