using System.Text.Json;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Engagement;
using DiscordAnalytics.Core.Analytics.Leaderboard;
using DiscordAnalytics.Core.Analytics.Mentors;
using DiscordAnalytics.Core.Analytics.Voice;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Retention;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Core.WarmUp;
using DiscordAnalytics.Tests.Analytics.Mentors;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Analytics.SupportEventStream;

namespace DiscordAnalytics.Tests.WarmUp;

/// <summary>
/// The background warm-up on the app's own services over a real store: its pass leaves every standard window's kept
/// indexes in place (the mentors' items are not read again by the dashboard's calls after it) and the cards then answer
/// exactly what services with nothing kept answer; it runs again when the day turns and after a retention run.
/// </summary>
public abstract class KeptWindowsWarmUpTests(StoreProvider provider)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Pass_LeavesTheStandardWindowsKept_EqualToFreshReads_AndRunsAgainOnADayTurnAndAfterRetention()
    {
        var (setup, activity) = MentorsEventStream.WithReactions(83, Now.ToUnixTimeMilliseconds());
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        await store.WriteInBatchesAsync(setup.Concat(activity), 200);
        Assert.Equal(HelpChannelsUpdate.Saved, await new HelpChannelSettings(store).SetAsync((long)GuildId, [(long)HelpDesk, (long)Forum], CancellationToken.None));
        var time = new FakeTimeProvider(Now);
        await using var warmed = WarmUpServices.Over(store.Storage, time);
        var warmUp = warmed.GetRequiredService<KeptWindowsWarmUp>();

        await warmUp.StartAsync(CancellationToken.None);
        try
        {
            await Eventually.TrueAsync(() => warmUp.Passes >= 1, "the first pass has finished");
            var mentors = warmed.GetRequiredService<MentorIndex>();
            var reads = mentors.WholeReads;
            Assert.InRange(reads, 1, KeptWindowsWarmUp.StandardWindows.Count);

            await using (var fresh = WarmUpServices.Over(store.Storage, time))
            {
                foreach (var days in KeptWindowsWarmUp.StandardWindows)
                {
                    var query = new AnalyticsQuery(GuildId, AnalyticsWindow.Last(days, DayBucket.FromUnixMs(Now.ToUnixTimeMilliseconds())), AnalyticsQuery.DefaultTop, IncludeBots: false);
                    var kept = await AnswersAsync(warmed, query);
                    Assert.Equal(await AnswersAsync(fresh, query), kept);
                    Assert.Contains("\"FirstAnswers\":", kept[0]);
                }
            }

            // The dashboard's calls found the mentors' items the warm-up read.
            Assert.Equal(reads, mentors.WholeReads);

            // The guild's day turns (UTC here): another pass, for the windows that moved.
            time.Advance(KeptWindowsWarmUp.NextDayTurn([TimeZoneInfo.Utc], Now) - Now);
            await Eventually.TrueAsync(() => warmUp.Passes >= 2, "a pass after the day turned");

            await warmed.GetRequiredService<RetentionService>().RunAsync(CancellationToken.None);
            await Eventually.TrueAsync(() => warmUp.Passes >= 3, "a pass after the retention run");
            Assert.Equal(0, warmUp.ConsecutiveFailures);
        }
        finally
        {
            await warmUp.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>What the kept cards answer (mentors first), as JSON: records holding lists compare by their text.</summary>
    private static async Task<List<string>> AnswersAsync(IServiceProvider services, AnalyticsQuery query)
    {
        var ct = CancellationToken.None;
        var totals = services.GetRequiredService<TotalsQuery>();
        object?[] answers =
        [
            await services.GetRequiredService<MentorsQuery>().RunAsync(query, ct),
            await totals.RunAsync(query, ct),
            await totals.RunPreviousAsync(query, ct),
            await services.GetRequiredService<SupportSignalsQuery>().RunAsync(query, ct),
            await services.GetRequiredService<EngagementQuery>().RunAsync(query, ct),
            await services.GetRequiredService<TopChannelsQuery>().RunAsync(query, ChannelRanking.ByMessages, ct),
            await services.GetRequiredService<TopMembersQuery>().RunAsync(query, MemberRanking.ByActivity, ct),
            await services.GetRequiredService<VoiceQuery>().RunAsync(query, [], ct),
            await services.GetRequiredService<LeaderboardQuery>().RunAsync(query, LeaderboardRanking.Activity, ct),
            await services.GetRequiredService<SummaryQuery>().RunAsync(query, ct),
        ];
        return [.. answers.Select(a => JsonSerializer.Serialize<object?>(a))];
    }

    public sealed class OnSqlite() : KeptWindowsWarmUpTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : KeptWindowsWarmUpTests(StoreProvider.Postgres);
}
