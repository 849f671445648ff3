using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using static DiscordAnalytics.Tests.Analytics.WeekOverWeekStore;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;
using DiscordAnalytics.Core.Analytics.Roles;

namespace DiscordAnalytics.Tests.Analytics;

/// <summary>Top members with their previous-window numbers, over a real store written by the real writer, on each provider.</summary>
public abstract class TopMembersQueryTests(StoreProvider provider) : IAsyncLifetime
{
    private const ulong G = 8_700;
    private const ulong General = 891;
    private const ulong Alice = 901;
    private const ulong Bob = 902;
    private const ulong Carol = 903;
    private WeekOverWeekStore _week = null!;

    public async Task InitializeAsync() =>
        _week = await WeekOverWeekStore.CreateAsync(provider, G, "Member deltas", [(General, "general")], [(Alice, "alice", false), (Bob, "bob", false), (Carol, "carol", false)]);

    public async Task DisposeAsync() => await _week.DisposeAsync();

    [Fact]
    public async Task Run_MembersActiveInBothWindows_CarryThePreviousWindowsNumbers()
    {
        await PostAsync(Alice, previous: 5, current: 2);
        await PostAsync(Bob, previous: 0, current: 4);
        await PostAsync(Carol, previous: 9, current: 0);
        // Bob reacted to one of alice's old messages in the previous week.
        await _week.WriteAsync(Reaction(G, General, MessageId(At(Monday.AddDays(-3), 8), 1), Bob, At(Monday.AddDays(-3), 20)));

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
        await _week.WriteAsync(_week.Message(General, Alice, At(Monday.AddDays(-10), 9), "two weeks ago"));

        Assert.Equal(1, (await RunAsync()).Single().PreviousMessagesSent);
    }

    private Task PostAsync(ulong member, int previous, int current) => _week.PostAsync(General, member, previous, current);

    private Task<IReadOnlyList<MemberStat>> RunAsync() =>
        new TopMembersQuery(_week.Store, TestMemberDays.Over(_week.Store), TimeProvider.System, new RoleHolders(_week.Store)).RunAsync(
            _week.ThisWeek(includeBots: false),
            MemberRanking.ByActivity,
            CancellationToken.None);

    public sealed class OnSqlite() : TopMembersQueryTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : TopMembersQueryTests(StoreProvider.Postgres);
}
