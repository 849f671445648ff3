using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Leaderboard;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics.Leaderboard;

/// <summary>
/// The statements a warm leaderboard call makes (its days, boards and closed streaks kept): the closed past's stored
/// versions come with the guild's time zone in one statement, so keeping the closed streaks costs a call no round trip.
/// </summary>
public abstract class LeaderboardStatementsTests(StoreProvider provider)
{
    private const ulong G = 9_300, General = 9_301, Bot = 9_309;
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly long NowMs = Now.ToUnixTimeMilliseconds();

    [Fact]
    public async Task Run_Warm_MakesTheSameStatementsAsBeforeTheClosedStreaks()
    {
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        var n = 0UL;
        var events = new List<IngestEvent> { Guild(G, "statements", NowMs - (40 * 86_400_000L)), Channel(G, General, "general", NowMs - (40 * 86_400_000L)) };
        for (var day = 30; day >= 0; day--)
        {
            // Members posting every day, every other day and every third day (streaks before and inside the window), and a bot.
            foreach (var user in new ulong[] { 9_311, 9_312, 9_313, Bot }.Where(u => day % (int)(u - 9_310) == 0 || u == Bot))
            {
                events.Add(Message(G, General, user, NowMs - (day * 86_400_000L) - 3_600_000, ++n, bot: user == Bot));
            }
        }

        await store.WriteAsync([.. events]);
        var contexts = new StatementCountingContexts(store.Storage);
        var query = new LeaderboardQuery(contexts, TestMemberDays.Over(contexts), new FakeTimeProvider(Now));
        var today = DayBucket.FromUnixMs(NowMs);

        foreach (var by in new[] { LeaderboardRanking.Activity, LeaderboardRanking.Streak })
        {
            var asked = new AnalyticsQuery(G, AnalyticsWindow.Last(7, today), AnalyticsQuery.MaxTop, IncludeBots: false);
            var first = await query.RunAsync(asked, by, CancellationToken.None);
            contexts.Clear();
            var again = await query.RunAsync(asked, by, CancellationToken.None);

            // Rules, privacy, the time zone with the member days' versions (the closed past's check), the voice days'
            // versions, the bots, the window's member days' versions, the names: seven, as before the closed streaks
            // were kept (their check was an eighth statement of its own).
            Assert.True(contexts.Statements.Count == 7, $"{by}: {contexts.Statements.Count} statements:\n{string.Join("\n---\n", contexts.Statements)}");
            Assert.Equal(first.Entries, again.Entries);
            Assert.NotEmpty(again.Entries);
        }
    }

    public sealed class OnSqlite() : LeaderboardStatementsTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : LeaderboardStatementsTests(StoreProvider.Postgres);
}
