using DiscordAnalytics.Core.Storage.Entities;
using System.Diagnostics;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;
using DiscordAnalytics.Core.Analytics.Roles;

namespace DiscordAnalytics.Tests.Analytics;

/// <summary>
/// The member cards over a synthetic year of member days (<see cref="SyntheticMemberDays"/>) equal the SQL grouping
/// they replaced, for every window, cold, warm and after a live event told by the writer. The scale is 500 members a
/// day unless <c>MEMBER_DAYS_PER_DAY</c> says otherwise (20000 is the design's large community); the timings it
/// writes to the test output are for docs/performance.md, never asserted.
/// </summary>
public sealed class MemberDaysScaleTests(ITestOutputHelper output)
{
    private const ulong G = 9_900;
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task MemberCards_SyntheticYear_EqualTheSqlGroupingForEveryWindow()
    {
        var perDay = int.Parse(Environment.GetEnvironmentVariable("MEMBER_DAYS_PER_DAY") ?? "500", System.Globalization.CultureInfo.InvariantCulture);
        var today = DayBucket.FromUnixMs(Now.ToUnixTimeMilliseconds());
        await using var store = await TempSqliteStore.CreateMigratedAsync();
        await store.WriteAsync(Guild(G, "synthetic", Now.ToUnixTimeMilliseconds() - 1_000), Channel(G, 9_901, "general", Now.ToUnixTimeMilliseconds() - 1_000));
        var clock = Stopwatch.StartNew();
        await SyntheticMemberDays.InsertAsync(store, G, today - 364, 365, perDay);
        output.WriteLine($"{perDay} members a day, 365 days: inserted in {clock.ElapsedMilliseconds} ms");

        var index = TestMemberDays.Over(store);
        var time = new FakeTimeProvider(Now);
        var (totals, members) = (new TotalsQuery(store, TestChannelDays.Over(store), index, time, new RoleHolders(store), new HoldersGrowth(store, new RoleHolders(store))), new TopMembersQuery(store, index, time, new RoleHolders(store)));
        await using var writer = new IngestionBatchWriter(store.ConnectionString, GuildMode.Live, NullLogger.Instance, memberDays: index);
        var guilds = new GuildsQuery(store, new IngestionMode(IsDemo: false));
        await guilds.FindAsync(G, CancellationToken.None);
        var baseline = await MedianAsync(21, () => guilds.FindAsync(G, CancellationToken.None));
        output.WriteLine($"baseline (one-row guild lookup): {baseline:0.00} ms");
        ulong n = 0;
        foreach (var days in new[] { 365, 90, 30, 7 })
        {
            var query = new AnalyticsQuery(G, AnalyticsWindow.Last(days, today), AnalyticsQuery.DefaultTop, IncludeBots: false);
            clock.Restart();
            var top = await members.RunAsync(query, MemberRanking.ByActivity, CancellationToken.None);
            var cold = clock.Elapsed.TotalMilliseconds;
            var warm = await MedianAsync(5, () => members.RunAsync(query, MemberRanking.ByActivity, CancellationToken.None));
            var warmTotals = await MedianAsync(5, () => totals.RunAsync(query, CancellationToken.None));
            await writer.WriteAsync([Message(G, 9_901, 1_000 + (ulong)(n % 7), Now.ToUnixTimeMilliseconds() - 60_000 + (long)n, ++n)], CancellationToken.None);
            clock.Restart();
            var afterEvent = await members.RunAsync(query, MemberRanking.ByActivity, CancellationToken.None);
            var live = clock.Elapsed.TotalMilliseconds;

            clock.Restart();
            var (expected, active) = await SqlGroupingAsync(store, query.Window);
            var sql = clock.Elapsed.TotalMilliseconds;
            Assert.Equal(expected, afterEvent.Select(m => (long.Parse(m.DiscordUserId, System.Globalization.CultureInfo.InvariantCulture), m.MessagesSent, m.ReactionsAdded, m.ThreadsStarted)).ToList());
            Assert.Equal(active, (await totals.RunAsync(query, CancellationToken.None)).ActiveMembers);
            Assert.Equal(AnalyticsQuery.DefaultTop, top.Count);
            output.WriteLine($"{days,3}d: top members cold {cold:0} ms, warm {warm:0.0} ms ({warm / baseline:0}x), totals warm {warmTotals:0.0} ms ({warmTotals / baseline:0}x), after one event {live:0.0} ms ({live / baseline:0}x); SQL grouping (before) {sql:0} ms ({sql / baseline:0}x)");
        }
    }

    /// <summary>The grouping the member cards ran in SQL before: top members by activity, and the unique active members.</summary>
    private static async Task<(List<(long, long, long, long)> Top, long Active)> SqlGroupingAsync(TempSqliteStore store, AnalyticsWindow window)
    {
        await using var db = store.NewContext();
        var rows = db.MemberDailyRollups.Where(r => r.GuildId == (long)G && r.Day >= window.StartDay && r.Day < window.EndDay && !r.IsBot);
        var top = await rows
            .GroupBy(r => r.UserId)
            .Select(g => new { UserId = g.Key, Messages = g.Sum(r => r.MessagesSent), Reactions = g.Sum(r => r.ReactionsAdded), Threads = g.Sum(r => r.ThreadsStarted) })
            .OrderByDescending(x => x.Messages + x.Reactions).ThenBy(x => x.UserId)
            .Take(AnalyticsQuery.DefaultTop)
            .ToListAsync();
        var active = await rows.Where(r => r.MessagesSent > 0 || r.ReactionsAdded > 0).Select(r => r.UserId).Distinct().CountAsync();
        return ([.. top.Select(x => (x.UserId, x.Messages, x.Reactions, x.Threads))], active);
    }

    private static async Task<double> MedianAsync<T>(int runs, Func<Task<T>> run)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await run();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[runs / 2];
    }
}
