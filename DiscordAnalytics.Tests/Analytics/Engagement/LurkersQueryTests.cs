using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Engagement;
using DiscordAnalytics.Core.Analytics.MemberDays;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Tests.Ingestion;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;
using DiscordAnalytics.Core.Analytics.Roles;

namespace DiscordAnalytics.Tests.Analytics.Engagement;

/// <summary>
/// Lurkers through the real writer into a real store: a hand-built week with known answers (members from the member
/// list, joins and leaves, authors with no member row, reactors, voice, bots, a forgotten member), and random streams
/// (late, duplicated and out-of-order events, joins and leaves) compared with a brute force over the same events.
/// </summary>
public abstract class LurkersQueryTests(StoreProvider provider)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly int Today = DayBucket.FromUnixMs(Now.ToUnixTimeMilliseconds());

    [Fact]
    public async Task Run_HandBuiltWeek_CountsPresentMembersWhoWereNotActive()
    {
        const ulong g = 8_500, general = 8_501, lounge = 8_502;
        const ulong ada = 8_511, bo = 8_512, cy = 8_513, dee = 8_514, eve = 8_515, fay = 8_516, gus = 8_517, hal = 8_518, ivy = 8_519, kim = 8_520, leo = 8_521, bot = 8_529;
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        await store.WriteAsync(
            Guild(g, "lurkers", At(10, 1)), Channel(g, general, "general", At(10, 1)), Channel(g, lounge, "lounge", At(10, 1), ChannelTypes.Voice),
            Member(g, ada, "ada", At(10, 1)), Member(g, bo, "bo", At(10, 1)), Member(g, hal, "hal", At(10, 1)), Member(g, ivy, "ivy", At(10, 1)),
            Member(g, kim, "kim", At(10, 1)), Member(g, bot, "bot", At(10, 1), bot: true));
        await store.WriteAsync(
            Join(g, cy, "cy", At(11, 21)),                          // joined in the window
            Join(g, dee, "dee", At(11, 1)), Leave(g, dee, At(11, 10)),   // gone before it
            Join(g, eve, "eve", At(11, 1)), Leave(g, eve, At(11, 20)),   // left during it
            Leave(g, fay, At(11, 5)), Join(g, fay, "fay", At(11, 22)),   // back during it
            Leave(g, leo, At(11, 18)),                              // known only by a leave, before it
            Message(g, general, ada, At(11, 24), 1),
            Message(g, general, gus, At(11, 24), 2),                // an author with no member row
            Reaction(g, general, MessageId(At(11, 24), 1), hal, At(11, 24, 13)),
            Voice(g, ivy, lounge, At(11, 23, 20)), Voice(g, ada, lounge, At(11, 23, 20)),
            Voice(g, ivy, null, At(11, 23, 21)), Voice(g, ada, null, At(11, 23, 21)),
            Message(g, general, bo, At(11, 10), 3),                 // active only before the window
            Message(g, general, bot, At(11, 24), 4, bot: true));
        await store.WriteAsync(Forget(g, kim, At(11, 24)));

        var lurkers = await RunAsync(store, g, AnalyticsWindow.Last(7, Today));

        // Present rows: ada, bo, cy, eve, fay, hal, ivy; active: ada, gus, hal, ivy.
        Assert.Equal(new LurkerCount(4, 0.5, 8), lurkers);
    }

    [Fact]
    public async Task Run_NoMembers_ZeroWithNoShare()
    {
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);

        Assert.Equal(new LurkerCount(0, null, 0), await RunAsync(store, 8_599, AnalyticsWindow.Last(7, Today)));
    }

    [Theory]
    [InlineData(51, 30, 3)]
    [InlineData(52, 50, 7)]
    public async Task Run_RandomStreamReadBetweenTwoHalves_EqualsBruteForce(int seed, int daysAgo, int windowDays)
    {
        // Past windows: the stream's message ids only grow, so most of its messages land on its last day.
        var events = RandomEventStream.Generate(seed, activity: 4_000, endAt: Now.ToUnixTimeMilliseconds(), days: 60);
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        var index = TestMemberDays.Over(store);
        var window = new AnalyticsWindow(WindowKind.Custom, Today - daysAgo, Today - daysAgo + windowDays);
        await store.WriteInBatchesAsync(events.Take(events.Count / 2), batchSize: 300);
        await RunAsync(store, RandomEventStream.GuildId, window, index);

        await store.WriteInBatchesAsync(events.Skip(events.Count / 2), batchSize: 300);
        var lurkers = await RunAsync(store, RandomEventStream.GuildId, window, index);

        var expected = BruteForce(new GroundTruth(events), events, window);
        Assert.Equal(expected, lurkers);
        Assert.InRange(expected.Count, 1, expected.KnownMembers - 1);
    }

    /// <summary>
    /// Every human the stream names as a member (all are listed at its start) with the stays their member row tells of,
    /// as intervals: present when one overlaps the window; lurkers are the present who were active on none of its days.
    /// </summary>
    private static LurkerCount BruteForce(GroundTruth truth, List<Core.Ingestion.IngestEvent> events, AnalyticsWindow window)
    {
        var rows = truth.MemberRows();
        var humans = events.Where(e => e.Type == Core.Ingestion.IngestEventType.MemberUpsert && !e.IsBot).Select(e => e.UserId!.Value).ToHashSet();
        var present = humans.Where(user =>
        {
            var (joined, left) = rows.GetValueOrDefault(user);
            var stays = new List<(long From, long To)>();
            if (left is null || joined > left)
            {
                stays.Add((joined ?? long.MinValue, long.MaxValue));
            }

            if (left is { } l)
            {
                stays.Add((joined is { } j && j <= l ? j : long.MinValue, l));
            }

            return stays.Any(s => s.From < window.EndAt && s.To > window.StartAt);
        }).ToHashSet();
        var active = truth.ActiveMembersOn(window.StartDay, window.EndDay);
        var known = present.Union(active).Count();
        var lurkers = present.Count(u => !active.Contains(u));
        return new LurkerCount(lurkers, known == 0 ? null : Math.Round((double)lurkers / known, 3), known);
    }

    private static long At(int month, int day, int hour = 12) => new DateTimeOffset(2026, month, day, hour, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static Task<LurkerCount> RunAsync(TempSqliteStore store, ulong guild, AnalyticsWindow window, MemberDayIndex? index = null) =>
        new LurkersQuery(store, index ?? TestMemberDays.Over(store), new RoleHolders(store))
            .RunAsync(new AnalyticsQuery(guild, window, AnalyticsQuery.MaxTop, IncludeBots: false), CancellationToken.None);

    public sealed class OnSqlite() : LurkersQueryTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : LurkersQueryTests(StoreProvider.Postgres);
}
