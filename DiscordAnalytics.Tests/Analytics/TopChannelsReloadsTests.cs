using System.Text.Json;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Tests.Ingestion;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics;

/// <summary>
/// Top channels kept across reloads, as the app's singleton is: its channel rollups held per day by their channel-day
/// version equal a fresh query's after every batch of a random stream (late and out-of-order messages and reactions,
/// deletes, threads, forgets), by messages and by reactions, for four windows (the previous one cut at the clock's time)
/// with and without bots.
/// </summary>
public abstract class TopChannelsReloadsTests(StoreProvider provider)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly int Today = DayBucket.FromUnixMs(Now.ToUnixTimeMilliseconds());

    private static readonly AnalyticsWindow[] Windows =
        [AnalyticsWindow.Last(7, Today), AnalyticsWindow.Last(30, Today), new(WindowKind.Custom, Today - 20, Today - 13), new(WindowKind.Custom, Today - 25, Today - 24)];

    [Theory]
    [InlineData(61)]
    [InlineData(62)]
    public async Task Run_KeptAcrossTheWritersBatches_EqualsAFreshQueryAfterEach(int seed)
    {
        var events = RandomEventStream.Generate(seed, activity: 3_000, endAt: Now.ToUnixTimeMilliseconds(), days: 70);
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        var time = new FakeTimeProvider(Now);
        await using var writer = new IngestionBatchWriter(store.Storage, GuildMode.Live, NullLogger.Instance);
        var kept = new TopChannelsQuery(store, time);
        foreach (var batch in events.Take(events.Count / 2).Chunk(300))
        {
            await writer.WriteAsync(batch, CancellationToken.None);
        }

        await AssertEqualToFreshAsync(store, kept, time);
        var batches = events.Skip(events.Count / 2).Chunk(250).ToList();
        for (var i = 0; i < batches.Count; i++)
        {
            IngestEvent[] forget = i is 2 or 5 ? [Forget(RandomEventStream.GuildId, 5_000UL + (ulong)(3 * i), Now.ToUnixTimeMilliseconds() - 1_000 + i)] : [];
            await writer.WriteAsync([.. batches[i], .. forget], CancellationToken.None);
            time.Advance(TimeSpan.FromMinutes(7));
            await AssertEqualToFreshAsync(store, kept, time);
        }

        // Not a trivial answer.
        var top = await kept.RunAsync(new AnalyticsQuery(RandomEventStream.GuildId, Windows[1], AnalyticsQuery.MaxTop, IncludeBots: true), ChannelRanking.ByMessages, CancellationToken.None);
        Assert.True(top.Count > 0 && top.Any(c => c.MessageCount > 0), $"{top.Count} channels: {string.Join(", ", top.Select(c => $"{c.MessageCount}/{c.PreviousMessageCount}"))}");
    }

    private static async Task AssertEqualToFreshAsync(TempSqliteStore store, TopChannelsQuery kept, TimeProvider time)
    {
        foreach (var window in Windows)
        {
            foreach (var bots in new[] { false, true })
            {
                foreach (var ranking in new[] { ChannelRanking.ByMessages, ChannelRanking.ByReactions })
                {
                    var query = new AnalyticsQuery(RandomEventStream.GuildId, window, 3, IncludeBots: bots);
                    var fresh = await new TopChannelsQuery(store, time).RunAsync(query, ranking, CancellationToken.None);
                    Assert.Equal(JsonSerializer.Serialize(fresh), JsonSerializer.Serialize(await kept.RunAsync(query, ranking, CancellationToken.None)));
                }
            }
        }
    }

    public sealed class OnSqlite() : TopChannelsReloadsTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : TopChannelsReloadsTests(StoreProvider.Postgres);
}
