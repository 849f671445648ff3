using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Ingestion.Writing.Support;
using DiscordAnalytics.Core.Retention;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Analytics.SupportEventStream;

namespace DiscordAnalytics.Tests.Analytics;

/// <summary>
/// Support signals read from the facts the writer keeps (<c>supportThreads</c>, <c>supportQuestions</c>) equal a
/// brute-force reading of the same random stream (<see cref="SupportGroundTruth"/>): late, duplicated and out-of-order
/// events, deletes before and after their create, edits, a forget, the help channels changed halfway and a retention
/// run, in small batches through the real writer into a real store.
/// </summary>
public abstract class SupportSignalsGroundTruthTests(StoreProvider provider) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly long NowMs = Now.ToUnixTimeMilliseconds();
    private TempSqliteStore _store = null!;

    public async Task InitializeAsync() => _store = await TempSqliteStore.CreateFromTemplateAsync(provider);

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public async Task Run_RandomStreamInBatches_EqualsBruteForceOfTheSameEvents(int seed)
    {
        var (setup, activity, _) = Generate(seed, NowMs, days: 40);
        var (first, rest) = (activity.Take(activity.Count / 2).ToList(), activity.Skip(activity.Count / 2).ToList());
        await _store.WriteAsync([.. setup]);
        await _store.WriteInBatchesAsync(first, batchSize: 40);
        var settings = new HelpChannelSettings(_store);

        // The owner makes the forum and general the help channels (the help desk no longer is).
        Assert.Equal(HelpChannelsUpdate.Saved, await settings.SetAsync((long)GuildId, [(long)Forum, (long)General], CancellationToken.None));
        await AssertMatchesAsync(new SupportGroundTruth([.. setup, .. first]), [Forum, General]);

        // Small batches: a late event then changes the past on its own, far from the newest messages.
        await _store.WriteInBatchesAsync(rest, batchSize: 3);
        Assert.Equal(HelpChannelsUpdate.Saved, await settings.SetAsync((long)GuildId, [(long)HelpDesk, (long)Forum, (long)General], CancellationToken.None));
        var truth = new SupportGroundTruth([.. setup, .. activity]);
        await AssertMatchesAsync(truth, [HelpDesk, Forum, General]);

        // Retention prunes raw events (thread creates among them); the support facts stay as they are.
        var pruned = await new RawEventPruner(_store, Options.Create(new RetentionOptions())).PruneAsync((long)GuildId, NowMs - (10 * 86_400_000L), CancellationToken.None);
        Assert.True(pruned > 0);
        await AssertMatchesAsync(truth, [HelpDesk, Forum, General]);
    }

    [Fact]
    public async Task Run_WholeStreamInOneBatch_EqualsTheSameStreamInSmallBatches()
    {
        var (setup, activity, _) = Generate(23, NowMs, days: 20);
        await _store.WriteAsync([.. setup, .. activity]);

        await AssertMatchesAsync(new SupportGroundTruth([.. setup, .. activity]), [HelpDesk, Forum]);
    }

    [Fact]
    public async Task Rebuild_StoreWithMessagesButNoFacts_ComputesWhatTheWriterKeeps()
    {
        var (setup, activity, _) = Generate(24, NowMs, days: 20);
        await _store.WriteAsync([.. setup]);
        await _store.WriteInBatchesAsync(activity, batchSize: 40);
        await _store.ExecuteAsync("DELETE FROM supportThreads");
        await _store.ExecuteAsync("DELETE FROM supportQuestions");

        // What a store that had messages before the SupportFacts migration gets once, when it is applied.
        await using (var connection = await _store.OpenConnectionAsync())
        {
            var (threads, channels) = SupportFactsRebuild.Run(connection);
            Assert.True(threads > 0 && channels > 0);
        }

        await AssertMatchesAsync(new SupportGroundTruth([.. setup, .. activity]), [HelpDesk, Forum]);
    }

    private async Task AssertMatchesAsync(SupportGroundTruth truth, ulong[] helpChannels)
    {
        var today = DayBucket.FromUnixMs(NowMs);
        foreach (var days in new[] { 7, 30, 60 })
        {
            foreach (var bots in new[] { false, true })
            {
                var window = AnalyticsWindow.Last(days, today);
                var actual = await new SupportSignalsQuery(_store, new FakeTimeProvider(Now))
                    .RunAsync(new AnalyticsQuery(GuildId, window, 10, bots), CancellationToken.None);
                var expected = truth.Compute(helpChannels, window.StartAt, window.EndAt, NowMs, bots);
                var because = $"{days} days, bots {bots}";
                Assert.True(days < 60 || (expected.UnansweredThreads > 0 && expected.MedianThreadFirstResponseMinutes is not null && expected.MedianMessageFirstResponseMinutes is not null), $"the stream has support activity ({because})");
                Assert.Equal((expected.UnansweredThreads, expected.MedianFirstResponseMinutes), (actual.UnansweredThreads, actual.MedianFirstResponseMinutes));
                Assert.Equal(expected.MedianThreadFirstResponseMinutes, actual.MedianThreadFirstResponseMinutes);
                Assert.Equal(expected.MedianMessageFirstResponseMinutes, actual.MedianMessageFirstResponseMinutes);
                Assert.Equal(expected.P90FirstResponseMinutes, actual.P90FirstResponseMinutes);
                Assert.Equal(
                    expected.UnansweredThreadList.Select(t => (t.ThreadId, t.StartedAt)),
                    actual.UnansweredThreadList.Select(t => (t.ThreadId, t.StartedAt)));
            }
        }
    }

    public sealed class OnSqlite() : SupportSignalsGroundTruthTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : SupportSignalsGroundTruthTests(StoreProvider.Postgres);
}
