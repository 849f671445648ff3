using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Roles;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics.Roles;

/// <summary>
/// Roles and role spans through the real writer into a real store, with answers worked out by hand: a snapshot, a role
/// gained and lost mid-window, a late update that changes nothing, a leave, a deleted role, a forgotten member.
/// </summary>
public abstract class RolesQueryTests(StoreProvider provider) : IAsyncLifetime
{
    private const ulong G = 9_300;
    private const ulong General = 931;
    private const ulong Mods = 941;
    private const ulong Subs = 942;
    private const ulong Old = 943;
    private const ulong Alice = 951;
    private const ulong Bob = 952;
    private const ulong Carol = 953;
    private const ulong Dave = 954;
    private static readonly DateOnly First = new(2026, 11, 16);
    private TempSqliteStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await TempSqliteStore.CreateFromTemplateAsync(provider);
        await _store.WriteAsync(
            Guild(G, "Roles", At(0, 0)),
            Channel(G, General, "general", At(0, 0)),
            Role(G, Mods, "moderators", At(0, 0), color: 0xFF0000, position: 3),
            Role(G, Subs, "subscribers", At(0, 0), position: 2),
            Role(G, Old, "old-timers", At(0, 0)),
            // The start-up list: every member with their roles.
            MemberRoles(G, Alice, At(0, 1), Mods, Subs),
            MemberRoles(G, Bob, At(0, 1), Subs),
            MemberRoles(G, Carol, At(0, 1), Old),
            RoleSnapshot(G, At(0, 1)));
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Run_ChangesMidWindowLateUpdatesLeavesAndDeletes_CountsHoldersAndChangesByDay()
    {
        await _store.WriteAsync(
            // Day 1: Bob gains moderators; Dave joins with subscribers.
            MemberRoles(G, Bob, At(1, 10), Subs, Mods),
            JoinWithRoles(G, Dave, At(1, 12), Subs),
            // Day 2: a late update from before Bob's change says nothing new; Alice loses subscribers.
            MemberRoles(G, Bob, At(1, 9), Subs),
            MemberRoles(G, Alice, At(2, 8), Mods),
            // Day 3: Dave leaves; old-timers is deleted.
            Leave(G, Dave, At(3, 9)),
            RoleDelete(G, Old, At(3, 10)),
            Message(G, General, Alice, At(1, 11), 1),
            Message(G, General, Alice, At(2, 11), 2),
            Message(G, General, Bob, At(1, 11), 3),
            Reaction(G, General, MessageId(At(1, 11), 1), Carol, At(1, 12)));

        var whole = await RunAsync(First, First.AddDays(6));
        Assert.Equal(
            [("subscribers", 3, 2, 3L, 0L), ("moderators", 2, 2, 3L, 0L), ("old-timers", 1, 1, 0L, 1L)],
            whole.Roles.Select(r => (r.Name, r.Members, r.ActiveMembers, r.Messages, r.Reactions)));
        // Day 1: Bob's moderators and Dave's subscribers gained (the start-up list's holdings are no gains).
        // Day 2: Alice's subscribers lost. Day 3: Dave's subscribers (a leave) and Carol's old-timers (a delete) lost.
        Assert.Equal([(0, 0), (2, 0), (0, 1), (0, 2), (0, 0), (0, 0), (0, 0)], whole.Changes.Select(c => (c.Gained, c.Lost)));
        Assert.Equal(At(0, 1), whole.ExactFrom);

        // From day 4 on: old-timers is deleted and held by nobody, so it is not listed; Dave left.
        var late = await RunAsync(First.AddDays(4), First.AddDays(6));
        Assert.Equal([("moderators", 2), ("subscribers", 1)], late.Roles.Select(r => (r.Name, r.Members)));

        // Who held subscribers on day 2 alone: Alice until 08:00, Bob, Dave.
        var holders = new RoleHolders(_store);
        var day2 = await holders.OfRoleAsync((long)G, (long)Subs, At(2, 0), At(3, 0), CancellationToken.None);
        Assert.Equal([(long)Alice, (long)Bob, (long)Dave], day2.Order());
        var day4 = await holders.OfRoleAsync((long)G, (long)Subs, At(4, 0), At(5, 0), CancellationToken.None);
        Assert.Equal([(long)Bob], day4.Order());
    }

    [Fact]
    public async Task Run_OneRole_AnswersThatRoleOnly()
    {
        await _store.WriteAsync(MemberRoles(G, Bob, At(1, 10), Subs, Mods));

        var mods = await RunAsync(First, First.AddDays(6), Mods);

        Assert.Equal([("moderators", 2)], mods.Roles.Select(r => (r.Name, r.Members)));
        Assert.Equal(1, mods.Changes.Sum(c => c.Gained));
    }

    [Fact]
    public async Task Write_ForgottenMember_LeavesNoSpans()
    {
        await _store.WriteAsync(Forget(G, Alice, At(1, 0)), MemberRoles(G, Alice, At(1, 5), Mods));

        var roles = await RunAsync(First, First.AddDays(6));

        Assert.Equal([("subscribers", 1), ("old-timers", 1), ("moderators", 0)], roles.Roles.Select(r => (r.Name, r.Members)));
        await using var db = _store.CreateDbContext();
        Assert.False(await db.MemberRoleSpans.AnyAsync(s => s.UserId == (long)Alice));
        Assert.False(await db.MemberRoleStates.AnyAsync(s => s.UserId == (long)Alice));
    }

    [Fact]
    public async Task Write_RoleUpdates_KeepTheNewestValuesAndADeletedRolesName()
    {
        await _store.WriteAsync(Role(G, Mods, "mods", At(1, 0), color: 0x00FF00, position: 4), Role(G, Mods, "stale", At(0, 20)), RoleDelete(G, Mods, At(2, 0)), Role(G, Mods, "after", At(3, 0)));

        await using var db = _store.CreateDbContext();
        var mods = await db.Roles.SingleAsync(r => r.RoleId == (long)Mods);

        Assert.Equal(("mods", 0x00FF00, 4, true), (mods.Name, mods.Color, mods.Position, mods.Deleted));
        Assert.Equal(At(2, 0), (await db.MemberRoleSpans.SingleAsync(s => s.UserId == (long)Alice && s.RoleId == (long)Mods)).ToAt);
    }

    private Task<RolesSummary> RunAsync(DateOnly first, DateOnly last, ulong? role = null) =>
        new RolesQuery(_store, TestMemberDays.Over(_store), new RoleHolders(_store))
            .RunAsync(new AnalyticsQuery(G, AnalyticsWindow.Between(first, last), AnalyticsQuery.DefaultTop, IncludeBots: false) { RoleId = role }, CancellationToken.None);

    private static long At(int day, int hour) => DayBucket.StartMs(DayBucket.FromDate(First.AddDays(day))) + hour * 3_600_000L;

    public sealed class OnSqlite() : RolesQueryTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : RolesQueryTests(StoreProvider.Postgres);
}
