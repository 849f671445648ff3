using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;
using DiscordAnalytics.Core.Analytics.Roles;

namespace DiscordAnalytics.Tests.Analytics;

/// <summary>
/// New-member activation (summary <c>activation</c>) over a real store written by the real writer, checked against
/// an expectation computed straight from the scenario below, not from the store.
/// </summary>
public abstract class NewMemberActivationQueryTests(StoreProvider provider) : IAsyncLifetime
{
    private const ulong G = 8_700;
    private const ulong General = 871;
    private const long Hour = 3_600_000;
    private const long Day = 24 * Hour;
    private static readonly DateOnly Monday = new(2026, 11, 16);

    /// <summary>Wednesday after the window, noon: members who joined after Wednesday 12:00 of the window are still in their first week.</summary>
    private static readonly long Now = At(Monday.AddDays(9), 12);

    private static readonly long Joined = At(Monday, 10);

    /// <summary>
    /// Who joined when (the latest join is what counts), and when they posted. Posts before the join, deleted posts
    /// and bots are the traps.
    /// </summary>
    private static readonly NewMember[] Scenario =
    [
        new(881, "23h", Joined, Posts: [Joined + 23 * Hour]),
        new(882, "25h", Joined, Posts: [Joined + 25 * Hour]),
        new(883, "6d", Joined, Posts: [Joined + 6 * Day]),
        // Next Monday 09:00: the eighth day bucket, still inside the 7 x 24 h.
        new(884, "6d23h", Joined, Posts: [Joined + 6 * Day + 23 * Hour]),
        new(885, "8d", Joined, Posts: [Joined + 8 * Day]),
        new(886, "deleted", Joined, Posts: [Joined + 2 * Hour], DeletedPosts: true),
        new(887, "silent", Joined, Posts: []),
        // Joined on the window's last day: the 24 h are over, the 7 days are not.
        new(888, "recent", At(Monday.AddDays(6), 8), Posts: [At(Monday.AddDays(6), 9)]),
        // Joined before the window, posted, left, rejoined on Tuesday: the rejoin counts, the old post does not.
        new(889, "rejoined", At(Monday.AddDays(1), 10), Posts: [At(Monday.AddDays(-10), 12)], EarlierJoin: At(Monday.AddDays(-12), 9)),
        new(899, "bot", Joined, Posts: [Joined + Hour], IsBot: true),
    ];

    private TempSqliteStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await TempSqliteStore.CreateFromTemplateAsync(provider);
        var setup = At(Monday.AddDays(-30));
        await _store.WriteAsync(Guild(G, "Activation", setup), Channel(G, General, "general", setup));

        // An old member who posts in the window is not new.
        await _store.WriteAsync(
            JoinOf(G, 870, "old-timer", At(Monday.AddDays(-20)), bot: false),
            Message(G, General, 870, At(Monday.AddDays(1), 9), 1, "hello"));

        // Joined in the window, then left and rejoined after it: the latest join is outside, so not new in this window.
        await _store.WriteAsync(
            JoinOf(G, 879, "back-later", At(Monday, 9), bot: false),
            Message(G, General, 879, At(Monday, 10), 2, "hi"),
            Leave(G, 879, At(Monday.AddDays(2), 9)),
            JoinOf(G, 879, "back-later", At(Monday.AddDays(8), 9), bot: false));

        ulong n = 10;
        foreach (var m in Scenario)
        {
            var events = new List<IngestEvent>();
            if (m.EarlierJoin is { } earlier)
            {
                events.Add(JoinOf(G, m.UserId, m.Name, earlier, m.IsBot));
                events.AddRange(m.Posts.Select(at => Message(G, General, m.UserId, at, ++n, "before", m.IsBot)));
                events.Add(Leave(G, m.UserId, m.Posts.Max() + Hour));
                events.Add(JoinOf(G, m.UserId, m.Name, m.JoinedAt, m.IsBot));
            }
            else
            {
                events.Add(JoinOf(G, m.UserId, m.Name, m.JoinedAt, m.IsBot));
                foreach (var at in m.Posts)
                {
                    var id = ++n;
                    events.Add(Message(G, General, m.UserId, at, id, "post", m.IsBot));
                    if (m.DeletedPosts)
                    {
                        events.Add(Delete(G, General, MessageId(at, id), at + Hour));
                    }
                }
            }

            await _store.WriteAsync([.. events]);
        }
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Run_HumansOnly_MatchesTheScenario()
    {
        var activation = await RunAsync(includeBots: false);

        Assert.Equal(Expected(includeBots: false), activation);
        // Spelled out: 9 humans joined; within 24 h: 23h and recent of all 9; within 7 days: 23h, 25h, 6d, 6d23h of
        // the 8 whose week is over (recent is pending).
        Assert.Equal(9, activation.Joined);
        Assert.Equal(ActivationRate.FromCounts(eligible: 9, posted: 2, pending: 0), activation.WithinOneDay);
        Assert.Equal(ActivationRate.FromCounts(eligible: 8, posted: 4, pending: 1), activation.WithinSevenDays);
        Assert.Equal(0.5, activation.WithinSevenDays.Rate);
    }

    [Fact]
    public async Task Run_IncludeBots_CountsTheBotAndItsPost()
    {
        var activation = await RunAsync(includeBots: true);

        Assert.Equal(Expected(includeBots: true), activation);
        Assert.Equal((10L, 3L, 5L), (activation.Joined, activation.WithinOneDay.Posted, activation.WithinSevenDays.Posted));
    }

    [Fact]
    public async Task Run_RightAfterTheWindow_EveryoneStillInTheirFirstWeekIsPending()
    {
        // Sunday 09:00 of the window's last day: recent joined an hour ago, Monday's joiners are 6 days in.
        var activation = await RunAsync(includeBots: false, now: At(Monday.AddDays(6), 9));

        Assert.Equal(0, activation.WithinSevenDays.Eligible);
        Assert.Equal(9, activation.WithinSevenDays.Pending);
        Assert.Null(activation.WithinSevenDays.Rate);
        Assert.Equal(1, activation.WithinOneDay.Pending);
    }

    [Fact]
    public async Task Run_WindowWithoutJoins_Zero()
    {
        var activation = await RunAsync(includeBots: false, window: AnalyticsWindow.Between(Monday.AddDays(-7), Monday.AddDays(-1)));

        Assert.Equal(new NewMemberActivation(0, ActivationRate.FromCounts(0, 0, 0), ActivationRate.FromCounts(0, 0, 0)), activation);
    }

    [Fact]
    public async Task Run_EarliestMessageOfADayNotCounted_TheDaysOtherMessagesDecide()
    {
        // Two weeks later, away from the scenario. 950's first post of the join day is deleted, the next one counts;
        // 951 posted, left and rejoined on the same day: the post before the rejoin does not count, the next day's does.
        var day = Monday.AddDays(14);
        var deletedFirst = Message(G, General, 950, At(day, 11), 901, "first");
        await _store.WriteAsync(
            JoinOf(G, 950, "deleted-first", At(day, 10), bot: false),
            deletedFirst,
            Delete(G, General, deletedFirst.MessageId!.Value, At(day, 11) + 60_000),
            Message(G, General, 950, At(day, 12), 902, "second"));
        await _store.WriteAsync(
            JoinOf(G, 951, "same-day-rejoin", At(day, 8), bot: false),
            Message(G, General, 951, At(day, 9), 903, "before"),
            Leave(G, 951, At(day, 9) + (30 * 60_000)),
            JoinOf(G, 951, "same-day-rejoin", At(day, 10), bot: false),
            Message(G, General, 951, At(day.AddDays(1), 12), 904, "after"));

        var activation = await RunAsync(includeBots: false, now: At(day.AddDays(30)), window: AnalyticsWindow.Between(day, day.AddDays(6)));

        Assert.Equal(2, activation.Joined);
        Assert.Equal(ActivationRate.FromCounts(eligible: 2, posted: 1, pending: 0), activation.WithinOneDay);
        Assert.Equal(ActivationRate.FromCounts(eligible: 2, posted: 2, pending: 0), activation.WithinSevenDays);
    }

    /// <summary>The rule, applied to the scenario's own lists.</summary>
    private static NewMemberActivation Expected(bool includeBots)
    {
        var cohort = Scenario.Where(m => includeBots || !m.IsBot).ToList();
        return new NewMemberActivation(cohort.Count, Rate(Day), Rate(7 * Day));

        ActivationRate Rate(long period)
        {
            var ended = cohort.Where(m => m.JoinedAt + period <= Now).ToList();
            var posted = ended.Count(m => !m.DeletedPosts && m.Posts.Any(p => p >= m.JoinedAt && p < m.JoinedAt + period));
            return ActivationRate.FromCounts(ended.Count, posted, cohort.Count - ended.Count);
        }
    }

    private Task<NewMemberActivation> RunAsync(bool includeBots, long? now = null, AnalyticsWindow? window = null) =>
        new NewMemberActivationQuery(_store, new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(now ?? Now)), new RoleHolders(_store))
            .RunAsync(new AnalyticsQuery(G, window ?? AnalyticsWindow.Between(Monday, Monday.AddDays(6)), AnalyticsQuery.DefaultTop, includeBots), CancellationToken.None);

    private static IngestEvent JoinOf(ulong guild, ulong user, string name, long at, bool bot) => Join(guild, user, name, at) with { IsBot = bot };

    private static long At(DateOnly day, int hour = 0) => DayBucket.StartMs(DayBucket.FromDate(day)) + (hour * Hour);

    private sealed record NewMember(ulong UserId, string Name, long JoinedAt, long[] Posts, bool DeletedPosts = false, bool IsBot = false, long? EarlierJoin = null);

    public sealed class OnSqlite() : NewMemberActivationQueryTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : NewMemberActivationQueryTests(StoreProvider.Postgres);
}
