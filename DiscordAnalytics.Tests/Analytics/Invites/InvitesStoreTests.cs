using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Invites;
using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics.Invites;

/// <summary>
/// Invites through the real writer and <see cref="InvitesQuery"/> on both providers: invites kept, deleted and synced, the
/// status, attributions that belong to one join and are never overwritten, and privacy (hidden inviters counted but not
/// named, forgetting removes a member as inviter and as joined member).
/// </summary>
public abstract class InvitesStoreTests(StoreProvider provider) : IAsyncLifetime
{
    private const ulong G = 9_400;
    private const ulong Alice = 941, Bob = 942, Carol = 943, Dave = 944, Erin = 945;
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly long T = Now.AddDays(-3).ToUnixTimeMilliseconds();
    private TempSqliteStore _store = null!;

    public async Task InitializeAsync() => _store = await TempSqliteStore.CreateFromTemplateAsync(provider);

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Write_SnapshotDeleteAndSync_KeepsEveryInviteWithItsState()
    {
        await _store.WriteAsync(
            Guild(G, "Invites", T),
            Invite(G, "tutorial", Alice, 3, T),
            Invite(G, "partner", Bob, 10, T),
            Invite(G, "old", Bob, 1, T),
            InvitesSynced(G, T),
            InvitesStatus(G, InvitesStatuses.Ok, T));
        await _store.WriteAsync(
            Invite(G, "tutorial", Alice, 4, T + 1000),
            InviteDeleted(G, "partner", T + 2000),
            Invite(G, "tutorial", Alice, 5, T + 5000),
            InvitesSynced(G, T + 5000),
            InvitesStatus(G, InvitesStatuses.MissingPermission, T + 6000));

        await using var db = _store.NewContext();
        var invites = await db.Invites.Where(i => i.GuildId == (long)G).OrderBy(i => i.Code).ToListAsync();
        Assert.Equal(
            [("old", 1, true), ("partner", 10, true), ("tutorial", 5, false)],
            invites.Select(i => (i.Code, i.Uses, i.DeletedAt is not null)));
        Assert.Equal(T + 2000, invites.Single(i => i.Code == "partner").DeletedAt);
        var guild = await db.Guilds.SingleAsync(g => g.GuildId == (long)G);
        Assert.Equal((InvitesStatuses.MissingPermission, T + 6000L, "Invites"), (guild.InvitesStatus, guild.InvitesCheckedAt, guild.Name));
    }

    [Fact]
    public async Task Write_AttributionForAnEarlierJoinOrRepeated_ChangesNothing()
    {
        await _store.WriteAsync(
            Guild(G, "Invites", T),
            Invite(G, "tutorial", Alice, 3, T),
            Join(G, Carol, "carol", T + 1000),
            Attributed(G, Carol, "tutorial", T + 1000),
            // A replay read later finds no invite risen: the first attribution stays.
            Attributed(G, Carol, null, T + 1000),
            Join(G, Dave, "dave", T + 2000),
            Leave(G, Dave, T + 3000),
            Join(G, Dave, "dave", T + 4000),
            // For the first stay: Dave's latest join is not attributed by it.
            Attributed(G, Dave, "tutorial", T + 2000));

        await using var db = _store.NewContext();
        var members = await db.Members.Where(m => m.GuildId == (long)G).ToDictionaryAsync(m => (ulong)m.UserId);
        Assert.Equal(("tutorial", (long?)(T + 1000)), (members[Carol].InviteCode, members[Carol].InviteJoinedAt));
        Assert.Null(members[Dave].InviteJoinedAt);
        var joins = await db.MemberJoins.Where(j => j.GuildId == (long)G).OrderBy(j => j.JoinedAt).ToListAsync();
        Assert.Equal(
            [(Carol, T + 1000, true, "tutorial"), (Dave, T + 2000, true, "tutorial"), (Dave, T + 4000, false, null)],
            joins.Select(j => ((ulong)j.UserId, j.JoinedAt, j.IsAttributed, j.InviteCode)));
    }

    [Fact]
    public async Task Query_MemberJoinedTwiceThroughTwoInvites_EachJoinJudgedOnItsOwnStay()
    {
        const ulong Room = 950;
        var day = DayBucket.MillisecondsPerDay;
        var first = Now.AddDays(-70).ToUnixTimeMilliseconds();
        var second = Now.AddDays(-50).ToUnixTimeMilliseconds();
        await _store.WriteAsync(
            Guild(G, "Invites", first - day),
            Channel(G, Room, "general", first - day),
            Invite(G, "tutorial", Alice, 0, first - day),
            Invite(G, "partner", Bob, 0, first - day),
            Join(G, Carol, "carol", first),
            Attributed(G, Carol, "tutorial", first),
            Message(G, Room, Carol, first + day),
            Leave(G, Carol, first + (3 * day)),
            // Back through another invite within the first join's 30 days: that stay did not last; this one does.
            Join(G, Carol, "carol", second),
            Attributed(G, Carol, "partner", second),
            // A post of the first stay read late, after the rejoin; then the first stay's first post is deleted.
            Message(G, Room, Carol, first + (2 * day), 1),
            Delete(G, Room, MessageId(first + day), second + day));

        var invites = await new InvitesQuery(_store, new FakeTimeProvider(Now)).RunAsync(
            new AnalyticsQuery(G, AnalyticsWindow.Last(90, DayBucket.FromUnixMs(Now.ToUnixTimeMilliseconds())), AnalyticsQuery.DefaultTop, false),
            CancellationToken.None);

        // tutorial: one join that posted (its late second post took the deleted first's place) and left within 30 days;
        // partner: one join that never posted and stayed.
        Assert.Equal(
            [("partner", 1L, 0L, 1L), ("tutorial", 1L, 1L, 0L)],
            invites.Invites.Select(i => (i.Code!, i.Joins, i.PostedWithinSevenDays, i.StillMembersAfterThirtyDays)));
        Assert.Equal([("941", 1L), ("942", 1L)], invites.Inviters.Select(i => (i.InviterId!, i.Joins)));
        await using var db = _store.NewContext();
        var joins = await db.MemberJoins.Where(j => j.GuildId == (long)G).OrderBy(j => j.JoinedAt).ToListAsync();
        Assert.Equal(
            [(first, (long?)(first + (3 * day)), (long?)(first + (2 * day)), "tutorial"), (second, null, null, "partner")],
            joins.Select(j => (j.JoinedAt, j.LeftAt, j.FirstPostAt, j.InviteCode)));
    }

    [Fact]
    public async Task Query_HiddenAndForgottenInviters_CountedNeverNamed()
    {
        await _store.WriteAsync(
            Guild(G, "Invites", T),
            Member(G, Alice, "alice", T),
            Member(G, Bob, "bob", T),
            Member(G, Erin, "erin", T),
            Invite(G, "alices", Alice, 1, T),
            Invite(G, "bobs", Bob, 1, T),
            Invite(G, "erins", Erin, 1, T),
            Join(G, Carol, "carol", T + 1000),
            Attributed(G, Carol, "alices", T + 1000),
            Join(G, Dave, "dave", T + 2000),
            Attributed(G, Dave, "bobs", T + 2000),
            Join(G, 946, "finn", T + 3000),
            Attributed(G, 946, "erins", T + 3000));
        await HideAsync(Bob);
        await _store.WriteAsync(Forget(G, Erin, T + 4000));

        // Erin's invite is seen again after she was forgotten: it stays without her.
        await _store.WriteAsync(Invite(G, "erins", Erin, 1, T + 5000));
        var invites = await QueryAsync();

        Assert.Equal(
            [("alices", "941", "alice"), ("bobs", null, null), ("erins", null, null)],
            invites.Invites.Select(i => (i.Code, i.InviterId, i.InviterName)));
        Assert.Equal([("941", "alice", 1L), (null, null, 2L)], invites.Inviters.Select(i => (i.InviterId, i.InviterName, i.Joins)));
        await using var db = _store.NewContext();
        Assert.Null((await db.Invites.SingleAsync(i => i.Code == "erins")).InviterId);
    }

    [Fact]
    public async Task Forget_JoinedMember_TheirAttributionIsGone()
    {
        await _store.WriteAsync(
            Guild(G, "Invites", T),
            Invite(G, "tutorial", Alice, 2, T),
            Join(G, Carol, "carol", T + 1000),
            Attributed(G, Carol, "tutorial", T + 1000),
            Join(G, Dave, "dave", T + 2000),
            Attributed(G, Dave, "tutorial", T + 2000));
        await _store.WriteAsync(Forget(G, Carol, T + 3000));

        var invites = await QueryAsync();

        Assert.Equal(1, Assert.Single(invites.Invites).Joins);
        await using var db = _store.NewContext();
        Assert.False(await db.Members.AnyAsync(m => m.UserId == (long)Carol));
        Assert.False(await db.MemberJoins.AnyAsync(j => j.UserId == (long)Carol));
    }

    private async Task HideAsync(ulong user)
    {
        await using var db = _store.NewContext();
        db.MemberPrivacy.Add(new MemberPrivacy { GuildId = (long)G, UserId = (long)user, Choice = MemberPrivacyChoice.Hidden, SetAt = T });
        await db.SaveChangesAsync();
    }

    private Task<InvitesSummary> QueryAsync() =>
        new InvitesQuery(_store, new FakeTimeProvider(Now)).RunAsync(
            new AnalyticsQuery(G, AnalyticsWindow.Last(7, DayBucket.FromUnixMs(Now.ToUnixTimeMilliseconds())), AnalyticsQuery.DefaultTop, false),
            CancellationToken.None);

    public sealed class OnSqlite() : InvitesStoreTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : InvitesStoreTests(StoreProvider.Postgres);
}
