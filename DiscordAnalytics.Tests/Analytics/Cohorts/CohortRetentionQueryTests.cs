using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Cohorts;
using DiscordAnalytics.Core.Analytics.MemberDays;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Tests.Ingestion;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics.Cohorts;

/// <summary>
/// Join-cohort retention through the real writer into a real store: a hand-built month in a zone west of UTC with
/// known answers (local join dates, voice as activity, reactions on their message's day, a leave, a rejoin, a forget,
/// bots), and random streams (late, duplicated and out-of-order events) compared cell by cell with a brute force over
/// the same events, read once between two halves of the stream.
/// </summary>
public abstract class CohortRetentionQueryTests(StoreProvider provider)
{
    // A Wednesday: the current week started on Monday 2026-11-23 (New York, UTC-5 in November).
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Run_HandBuiltMonth_CountsEachCohortsActiveMembersPerFollowingWeek()
    {
        const ulong g = 8_300, general = 8_301, lounge = 8_302;
        const ulong ada = 8_311, bo = 8_312, cy = 8_313, dee = 8_314, eve = 8_315, fay = 8_316, gus = 8_317, bot = 8_319;
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        await store.WriteAsync(Guild(g, "cohorts", At(10, 1)), Channel(g, general, "general", At(10, 1)), Channel(g, lounge, "lounge", At(10, 1), ChannelTypes.Voice));
        Assert.Equal(TimeZoneUpdate.Saved, await new GuildTimeZone(store).SetAsync((long)g, "America/New_York", CancellationToken.None));
        await store.WriteAsync(
            Join(g, eve, "eve", At(11, 1, 12)),          // a Sunday before the first cohort week
            Join(g, ada, "ada", At(11, 3, 10)),          // cohort of Nov 2
            Join(g, bo, "bo", At(11, 9, 3)),             // Monday 03:00 UTC is Sunday 22:00 in New York: cohort of Nov 2
            Bot(Join(g, bot, "bot", At(11, 4, 10))),
            Join(g, cy, "cy", At(11, 10, 15)),           // cohort of Nov 9, and leaves: still in it
            Leave(g, cy, At(11, 12, 15)),
            Join(g, gus, "gus", At(11, 11, 15)),         // rejoins this week: only the latest join is kept
            Join(g, gus, "gus", At(11, 24, 15)),
            Join(g, dee, "dee", At(11, 17, 15)),         // cohort of Nov 16, forgotten below
            Join(g, fay, "fay", At(11, 24, 15)));        // this week: no cohort yet
        await store.WriteAsync(
            Message(g, general, ada, At(11, 10, 12), 1),                     // ada: week 1
            Voice(g, ada, lounge, At(11, 17, 20)), Voice(g, bo, lounge, At(11, 17, 20)),  // ada and bo talk: week 2
            Voice(g, ada, null, At(11, 17, 21)), Voice(g, bo, null, At(11, 17, 21)),
            Message(g, general, ada, At(11, 24, 12), 2),                     // week 3, running
            Message(g, general, bo, At(11, 23, 2), 3),                       // the UTC day dated Nov 23: week 3
            Message(g, general, cy, At(11, 20, 12), 4),                      // cy: week 1
            Reaction(g, general, MessageId(At(11, 20, 12), 4), cy, At(11, 24, 12)),  // counts on its message's day: not week 2
            Message(g, general, gus, At(11, 17, 12), 5),
            Message(g, general, dee, At(11, 24, 12), 6),
            Message(g, general, bot, At(11, 10, 12), 7, bot: true));
        await store.WriteAsync(Forget(g, dee, At(11, 25, 1)));

        var table = await RunAsync(store, g, weeks: 3);

        Assert.Equal(("America/New_York", "Monday", new DateOnly(2026, 11, 23)), (table.TimeZone, table.WeekStartsOn, table.CurrentWeekStart));
        Assert.Equal([new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 16)], table.Cohorts.Select(c => c.WeekStart));
        Assert.Equal([2L, 1L, 0L], table.Cohorts.Select(c => c.Members));
        Assert.Equal(
            [new RetentionWeek(1, 1, 0.5, true), new RetentionWeek(2, 2, 1, true), new RetentionWeek(3, 2, 1, false)],
            table.Cohorts[0].Weeks);
        Assert.Equal([new RetentionWeek(1, 1, 1, true), new RetentionWeek(2, 0, 0, false)], table.Cohorts[1].Weeks);
        Assert.Equal([new RetentionWeek(1, 0, null, false)], table.Cohorts[2].Weeks);
    }

    [Fact]
    public async Task Run_UnknownGuild_Null()
    {
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);

        Assert.Null(await new CohortRetentionQuery(store, TestMemberDays.Over(store), new FakeTimeProvider(Now)).RunAsync(8_399, 12, false, CancellationToken.None));
    }

    [Theory]
    [InlineData(41, "Asia/Kathmandu", 12)]
    [InlineData(42, "America/Los_Angeles", 5)]
    public async Task Run_RandomStreamReadBetweenTwoHalves_EqualsBruteForceEveryCell(int seed, string zoneId, int weeks)
    {
        var events = RandomEventStream.Generate(seed, activity: 6_000, endAt: Now.ToUnixTimeMilliseconds(), days: 100);
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        var index = TestMemberDays.Over(store);
        await store.WriteInBatchesAsync(events.Take(events.Count / 2), batchSize: 400);
        await new GuildTimeZone(store).SetAsync((long)RandomEventStream.GuildId, zoneId, CancellationToken.None);
        await RunAsync(store, RandomEventStream.GuildId, weeks, index);

        await store.WriteInBatchesAsync(events.Skip(events.Count / 2), batchSize: 400);
        var table = await RunAsync(store, RandomEventStream.GuildId, weeks, index);

        var expected = BruteForce(new GroundTruth(events), TimeZoneInfo.FindSystemTimeZoneById(zoneId), weeks);
        Assert.Equal(expected.Select(c => (c.WeekStart, c.Members)), table.Cohorts.Select(c => (c.WeekStart, c.Members)));
        Assert.Equal(expected.Select(c => string.Join(' ', c.Active)), table.Cohorts.Select(c => string.Join(' ', c.Weeks.Select(w => w.Active))));
        Assert.Contains(table.Cohorts, c => c.Weeks.Any(w => w.Active > 0));
        Assert.All(table.Cohorts, c => Assert.All(c.Weeks, w => Assert.Equal(c.Members == 0 ? null : Math.Round((double)w.Active / c.Members, 3), w.Share)));
    }

    /// <summary>
    /// Cohorts by the local date of each human's latest join; week k of a cohort holds the UTC days dated in the k-th
    /// calendar week (Monday to Sunday) after its own, up to today.
    /// </summary>
    private static List<(DateOnly WeekStart, long Members, List<long> Active)> BruteForce(GroundTruth truth, TimeZoneInfo zone, int weeks)
    {
        var localToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, zone).DateTime);
        var monday = localToday.AddDays(-(((int)localToday.DayOfWeek + 6) % 7));
        var today = DayBucket.FromUnixMs(Now.ToUnixTimeMilliseconds());
        var joins = truth.FirstPosts()
            .Where(j => !RandomEventStream.IsBot(j.Key))
            .Select(j => (User: j.Key, Date: DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(j.Value.JoinedAt), zone).DateTime)))
            .ToList();
        var cohorts = new List<(DateOnly, long, List<long>)>();
        for (var c = weeks; c >= 1; c--)
        {
            var start = monday.AddDays(-7 * c);
            var members = joins.Where(j => j.Date >= start && j.Date < start.AddDays(7)).Select(j => j.User).ToHashSet();
            var active = new List<long>();
            for (var k = 1; k <= c; k++)
            {
                var from = DayBucket.FromDate(start.AddDays(7 * k));
                active.Add(truth.ActiveMembersOn(from, Math.Min(from + 7, today + 1)).Count(members.Contains));
            }

            cohorts.Add((start, members.Count, active));
        }

        return cohorts;
    }

    private static long At(int month, int day, int hour = 0) => new DateTimeOffset(2026, month, day, hour, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static Core.Ingestion.IngestEvent Bot(Core.Ingestion.IngestEvent e) => e with { IsBot = true };

    private static async Task<RetentionTable> RunAsync(TempSqliteStore store, ulong guild, int weeks, MemberDayIndex? index = null) =>
        (await new CohortRetentionQuery(store, index ?? TestMemberDays.Over(store), new FakeTimeProvider(Now))
            .RunAsync(guild, weeks, includeBots: false, CancellationToken.None))!;

    public sealed class OnSqlite() : CohortRetentionQueryTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : CohortRetentionQueryTests(StoreProvider.Postgres);
}
