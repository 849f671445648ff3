using System.Net.Http.Json;
using System.Text.Json;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Ingestion;

/// <summary>
/// A random stream goes through the real pipeline into a real store (a SQLite file, a PostgreSQL database); the summary
/// API must equal the ground truth computed from the stream, and ingesting the stream again must change nothing. The
/// same stream gives the same numbers on every card on both providers.
/// </summary>
public abstract class IngestionGroundTruthTests(StoreProvider provider)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Summary_RandomStreamWithDuplicatesAndChurn_EqualsGroundTruth(int seed)
    {
        var events = RandomEventStream.Generate(seed, activity: 6_000, endAt: Now.ToUnixTimeMilliseconds(), days: 45);
        await using var app = await AnalyticsAppFactory.CreateAsync(provider, time: new FakeTimeProvider(Now));
        using var client = app.CreateApiClient();
        var pipeline = app.Services.GetRequiredService<IngestionPipeline>();

        await IngestAsync(pipeline, events);
        var first = await client.GetStringAsync(SummaryUrl);
        AssertMatchesGroundTruth(new GroundTruth(events), Parse(first));

        await IngestAsync(pipeline, events);
        var second = await client.GetStringAsync(SummaryUrl);
        Assert.Equal(first, second);
    }

    /// <summary>
    /// The cards keep days in memory (member days, channel days) once asked: the second half of a stream (new messages,
    /// reactions to, edits and deletes of messages of days already read) must reach them, so the summary asked again
    /// equals the ground truth of the whole stream.
    /// </summary>
    [Fact]
    public async Task Summary_AskedBetweenTwoHalvesOfTheStream_EqualsGroundTruthOfTheWhole()
    {
        var events = RandomEventStream.Generate(seed: 4, activity: 6_000, endAt: Now.ToUnixTimeMilliseconds(), days: 45);
        await using var app = await AnalyticsAppFactory.CreateAsync(provider, time: new FakeTimeProvider(Now));
        using var client = app.CreateApiClient();
        var pipeline = app.Services.GetRequiredService<IngestionPipeline>();

        // In arrival order, split in the middle: the second half reacts to, edits and deletes messages of the first.
        await IngestAsync(pipeline, events.Take(events.Count / 2));
        await client.GetStringAsync(SummaryUrl);
        await client.GetStringAsync(SummaryUrl.Replace("window=30d", "window=7d", StringComparison.Ordinal));
        await IngestAsync(pipeline, events.Skip(events.Count / 2));

        AssertMatchesGroundTruth(new GroundTruth(events), Parse(await client.GetStringAsync(SummaryUrl)));
    }

    [Fact]
    public async Task Summary_StreamSplitIntoManySmallBatches_EqualsOneBigBatch()
    {
        var events = RandomEventStream.Generate(seed: 3, activity: 3_000, endAt: Now.ToUnixTimeMilliseconds(), days: 45);
        await using var big = await TempSqliteStore.CreateFromTemplateAsync(provider, Core.Storage.Entities.GuildMode.Live);
        await using var small = await TempSqliteStore.CreateFromTemplateAsync(provider, Core.Storage.Entities.GuildMode.Live);
        await using (var writer = new IngestionBatchWriter(big.Storage, GuildMode.Live, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance))
        {
            await writer.WriteAsync(events, CancellationToken.None);
        }

        await using (var writer = new IngestionBatchWriter(small.Storage, GuildMode.Live, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance))
        {
            foreach (var chunk in events.Chunk(7))
            {
                await writer.WriteAsync(chunk, CancellationToken.None);
            }
        }

        Assert.Equal(await RollupFingerprintAsync(big), await RollupFingerprintAsync(small));
    }

    internal const string SummaryUrl = $"/api/guilds/777000000000000001/summary?window=30d&top=100";

    private static async Task IngestAsync(IngestionPipeline pipeline, IEnumerable<IngestEvent> events)
    {
        foreach (var e in events)
        {
            await pipeline.WriteAsync(e, CancellationToken.None);
        }

        await pipeline.FlushAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
    }

    internal static AnalyticsSummary Parse(string json) => JsonSerializer.Deserialize<AnalyticsSummary>(json, JsonSerializerOptions.Web)!;

    /// <param name="at">When the summary was asked for (the cut of the previous window); <see cref="Now"/> unless the test's clock moved.</param>
    internal static void AssertMatchesGroundTruth(GroundTruth truth, AnalyticsSummary summary, DateTimeOffset? at = null)
    {
        var now = at ?? Now;
        var window = AnalyticsWindow.Last(30, DayBucket.FromUnixMs(now.ToUnixTimeMilliseconds()));
        Assert.Equal(window.StartAt, summary.Window.StartAt);
        Assert.Equal(window.EndAt, summary.Window.EndAt);
        Assert.Equal(truth.TotalsFor(window), summary.Totals);
        // The previous window is cut at the same elapsed time: 29 days + 12 h before the 30-day window (Now is 12:00).
        var previous = ComparisonWindow.Before(window, now.ToUnixTimeMilliseconds());
        Assert.Equal(new PreviousWindow(window.StartAt - 30 * DayBucket.MillisecondsPerDay, now.ToUnixTimeMilliseconds() - 30 * DayBucket.MillisecondsPerDay, HasEarlierData: false), summary.PreviousWindow);
        Assert.Equal(truth.TotalsBetween(previous.StartAt, previous.EndAt) with { Leaves = truth.LeavesCut(previous.StartAt, previous.EndAt) }, summary.PreviousTotals);
        Assert.Equal(truth.DailyFor(window), summary.Daily);
        Assert.Equal(truth.TopChannels(window, 100), summary.TopChannels.Select(c => (c.ChannelId, c.MessageCount, c.ReactionCount, c.ThreadCount)).ToList());
        Assert.Equal(truth.TopMembers(window, 100), summary.TopMembers.Select(m => (m.DiscordUserId, m.MessagesSent, m.ReactionsAdded, m.ThreadsStarted)).ToList());
        Assert.Equal(truth.TopContent(window, 100), summary.TopContent.Select(c => (c.MessageId, c.ReactionScore, c.Excerpt)).ToList());
        AssertPreviousNumbersMatchGroundTruth(truth, summary, window, previous);
        Assert.Equal(
            Enumerable.Range(window.StartDay, window.Length).Select(day => (DayBucket.ToDate(day), (long)truth.ActiveMembersOnDays(day, day + 1),
                (long)truth.ActiveMembersOnDays(day - 6, day + 1), (long)truth.ActiveMembersOnDays(day - 29, day + 1))).ToList(),
            summary.Engagement!.Daily.Select(d => (d.Day, d.Dau, d.Wau, d.Mau)).ToList());
        Assert.True(summary.Totals.Messages > 500, "the stream should produce real volume");
        Assert.True(summary.Totals.Reactions > 500, "the stream should produce real volume");
    }

    /// <summary>
    /// Every previous number of the member and channel cards counts the previous window cut to the same elapsed time
    /// (<paramref name="previous"/>), like the totals: top members' and top channels' previous numbers, rising members,
    /// member growth's previous joins and leaves.
    /// </summary>
    internal static void AssertPreviousNumbersMatchGroundTruth(GroundTruth truth, AnalyticsSummary summary, AnalyticsWindow window, ComparisonWindow previous)
    {
        var (startAt, endAt) = (previous.StartAt, previous.EndAt);
        var members = truth.MembersBetween(startAt, endAt);
        Assert.Equal(
            summary.TopMembers.Select(m => (m.DiscordUserId, members.GetValueOrDefault(m.DiscordUserId))).ToList(),
            summary.TopMembers.Select(m => (m.DiscordUserId, (m.PreviousMessagesSent, m.PreviousReactionsAdded))).ToList());
        var channels = truth.ChannelsBetween(startAt, endAt);
        Assert.Equal(
            summary.TopChannels.Select(c => (c.ChannelId, channels.GetValueOrDefault(c.ChannelId))).ToList(),
            summary.TopChannels.Select(c => (c.ChannelId, (c.PreviousMessageCount, c.PreviousReactionCount))).ToList());
        Assert.Equal(
            truth.RisingMembers(window, startAt, endAt, RisingMembersQuery.MaxRising),
            summary.RisingMembers!.Select(r => (r.DiscordUserId, r.MessagesSent, r.PreviousMessagesSent)).ToList());
        var growth = summary.MemberGrowth!;
        Assert.Equal((truth.TotalsBetween(startAt, endAt).Joins, truth.LeavesCut(startAt, endAt)), (growth.PreviousJoins, growth.PreviousLeaves));
    }

    private static async Task<string> RollupFingerprintAsync(TempSqliteStore store)
    {
        await using var db = store.NewContext();
        // A row whose counters net to zero equals no row: batches that split a +1/-1 pair leave one behind.
        var channels = db.ChannelDailyRollups.Where(r => r.MessageCount != 0 || r.ReactionCount != 0 || r.ThreadCount != 0 || r.DeletedCount != 0).OrderBy(r => r.Day).ThenBy(r => r.ChannelId).ThenBy(r => r.IsBot)
            .Select(r => $"{r.Day}/{r.ChannelId}/{r.IsBot}:{r.MessageCount},{r.ReactionCount},{r.ThreadCount},{r.DeletedCount}");
        var members = db.MemberDailyRollups.Where(r => r.MessagesSent != 0 || r.ReactionsAdded != 0 || r.ThreadsStarted != 0).OrderBy(r => r.Day).ThenBy(r => r.UserId)
            .Select(r => $"{r.Day}/{r.UserId}:{r.MessagesSent},{r.ReactionsAdded},{r.ThreadsStarted}");
        var content = db.TopContentDaily.OrderBy(r => r.MessageId).Select(r => $"{r.MessageId}:{r.ReactionScore},{r.BotReactionScore}");
        return string.Join('\n', channels.ToList().Concat(members.ToList()).Concat(content.ToList()));
    }

    public sealed class OnSqlite() : IngestionGroundTruthTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : IngestionGroundTruthTests(StoreProvider.Postgres);
}
