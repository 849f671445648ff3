using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Analytics.SupportEventStream;
using static DiscordAnalytics.Tests.Analytics.SupportMarksStream;

namespace DiscordAnalytics.Tests.Analytics;

/// <summary>
/// Escalations and resolution read from the store equal a brute-force reading of the same random stream
/// (<see cref="SupportMarksGroundTruth"/>): role mentions, forum tags and thread archives, locks and tags delivered late,
/// twice and out of order among the support stream's deletes, edits and forget, through the real writer.
/// </summary>
public abstract class SupportMarksGroundTruthTests(StoreProvider provider) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly long NowMs = Now.ToUnixTimeMilliseconds();

    /// <summary>Shorter than the 24 h default, so the stream's gaps make ask-agains of both kinds.</summary>
    private static readonly SupportOptions Escalation = new() { EscalationHours = 6 };

    private TempSqliteStore _store = null!;

    public async Task InitializeAsync() => _store = await TempSqliteStore.CreateFromTemplateAsync(provider);

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    public async Task Run_RandomStreamInSmallBatches_EscalationsAndResolutionEqualBruteForce(int seed)
    {
        var (setup, activity) = SupportMarksStream.Generate(seed, NowMs, days: 30);
        await _store.WriteAsync([.. setup]);
        await _store.WriteInBatchesAsync(activity, batchSize: 7);
        var help = new ulong[] { HelpDesk, Forum, General };
        Assert.Equal(HelpChannelsUpdate.Saved, await new HelpChannelSettings(_store).SetAsync((long)GuildId, [.. help.Select(h => (long)h)], CancellationToken.None));
        Assert.Equal(EscalationRolesUpdate.Saved, await new EscalationRoleSettings(_store).SetAsync((long)GuildId, [(long)ModRole], CancellationToken.None));

        await AssertMatchesAsync(new SupportMarksGroundTruth([.. setup, .. activity]), help);
    }

    [Fact]
    public async Task Run_WholeStreamInOneBatch_EqualsBruteForce()
    {
        var (setup, activity) = SupportMarksStream.Generate(33, NowMs, days: 20);
        await _store.WriteAsync([.. setup, .. activity]);
        Assert.Equal(EscalationRolesUpdate.Saved, await new EscalationRoleSettings(_store).SetAsync((long)GuildId, [(long)ModRole], CancellationToken.None));

        // By default the help desk (its name) and the forum are help channels.
        await AssertMatchesAsync(new SupportMarksGroundTruth([.. setup, .. activity]), [HelpDesk, Forum]);
    }

    private async Task AssertMatchesAsync(SupportMarksGroundTruth truth, ulong[] help)
    {
        var today = DayBucket.FromUnixMs(NowMs);
        var time = new FakeTimeProvider(Now);
        var query = new SupportSignalsQuery(_store, time, new KeywordDayCache(_store, time), Options.Create(Escalation));
        foreach (var days in new[] { 7, 30 })
        {
            foreach (var bots in new[] { false, true })
            {
                var window = AnalyticsWindow.Last(days, today);
                var actual = await query.RunAsync(new AnalyticsQuery(GuildId, window, 10, bots), CancellationToken.None);
                var expected = truth.Compute(help, new HashSet<ulong> { ModRole }, window.StartAt, window.EndAt, bots, (long)Escalation.EscalationPeriod.TotalMilliseconds);
                var because = $"{days} days, bots {bots}";
                if (days == 30)
                {
                    Assert.True(expected.Median is not null && expected.Share < 1, $"some threads resolve, not all ({because})");
                    Assert.True(
                        expected.Escalations.Any(e => e.Reason == SupportEscalation.RoleMention) && expected.Escalations.Any(e => e.Reason == SupportEscalation.AskedAgain)
                        && expected.Escalations.Any(e => e.Kind == SupportEscalation.Thread) && expected.Escalations.Any(e => e.Kind == SupportEscalation.Question),
                        $"the stream escalates both ways, threads and questions ({because})");
                }

                Assert.Equal((expected.Share, expected.Median, expected.P90), (actual.ResolvedShare, actual.MedianResolutionMinutes, actual.P90ResolutionMinutes));
                Assert.Equal(expected.Escalations.Count, actual.Escalations.Count);
                Assert.Equal(
                    expected.Escalations.Take(SupportSignalsQuery.MaxEscalationsListed),
                    actual.Escalations.List.Select(e => (e.Kind, e.Id, e.At, e.Reason)));
            }
        }
    }

    public sealed class OnSqlite() : SupportMarksGroundTruthTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : SupportMarksGroundTruthTests(StoreProvider.Postgres);
}
