using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics;

/// <summary>Top members with their previous-window numbers, over a real store written by the real writer.</summary>
public abstract class TopMembersQueryTests(StoreProvider provider) : IAsyncLifetime
{
    private const ulong G = 8_700;
    private const ulong General = 891;
    private const ulong Alice = 901;
    private const ulong Bob = 902;
    private const ulong Carol = 903;
    private static readonly DateOnly Monday = new(2026, 11, 16);
    private TempSqliteStore _store = null!;
    private ulong _n;

    public async Task InitializeAsync()
    {
        _store = await TempSqliteStore.CreateFromTemplateAsync(provider);
        var setup = At(Monday.AddDays(-20));
        await _store.WriteAsync(
            Guild(G, "Member deltas", setup),
            Channel(G, General, "general", setup),
            Member(G, Alice, "alice", setup),
            Member(G, Bob, "bob", setup),
            Member(G, Carol, "carol", setup));
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Run_MembersActiveInBothWindows_CarryThePreviousWindowsNumbers()
    {
        await PostAsync(Alice, previous: 5, current: 2);
        await PostAsync(Bob, previous: 0, current: 4);
        await PostAsync(Carol, previous: 9, current: 0);
        // Bob reacted to one of alice's old messages in the previous week.
        await _store.WriteAsync(Reaction(G, General, MessageId(At(Monday.AddDays(-3), 8), 1), Bob, At(Monday.AddDays(-3), 20)));

        var members = await RunAsync();

        // carol was active before but not now: she is not listed.
        Assert.Equal(
            [("bob", 4L, 0L, 1L), ("alice", 2L, 5L, 0L)],
            members.Select(m => (m.Name, m.MessagesSent, m.PreviousMessagesSent, m.PreviousReactionsAdded)));
    }

    [Fact]
    public async Task Run_PreviousWindowIsTheEqualLengthJustBefore_OlderActivityIsNotCounted()
    {
        await PostAsync(Alice, previous: 1, current: 1);
        await _store.WriteAsync(Message(G, General, Alice, At(Monday.AddDays(-10), 9), ++_n, "two weeks ago"));

        Assert.Equal(1, (await RunAsync()).Single().PreviousMessagesSent);
    }

    /// <summary>Messages in the previous week (Nov 9-15) and this one (Nov 16-22), one per hour from 08:00.</summary>
    private async Task PostAsync(ulong member, int previous, int current)
    {
        var events = Enumerable.Range(0, previous).Select(i => Message(G, General, member, At(Monday.AddDays(-3), 8 + i), ++_n, "before"))
            .Concat(Enumerable.Range(0, current).Select(i => Message(G, General, member, At(Monday.AddDays(2), 8 + i), ++_n, "now")))
            .ToArray();
        await _store.WriteAsync(events);
    }

    private Task<IReadOnlyList<MemberStat>> RunAsync() =>
        new TopMembersQuery(_store).RunAsync(
            new AnalyticsQuery(G, AnalyticsWindow.Between(Monday, Monday.AddDays(6)), AnalyticsQuery.DefaultTop, false),
            MemberRanking.ByActivity,
            CancellationToken.None);

    private static long At(DateOnly day, int hour = 0) => DayBucket.StartMs(DayBucket.FromDate(day)) + (hour * 3_600_000L);

    public sealed class OnSqlite() : TopMembersQueryTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : TopMembersQueryTests(StoreProvider.Postgres);
}
