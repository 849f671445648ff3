using DiscordAnalytics.Core.Demo;
using DiscordAnalytics.Core.Loops.ActivityRoles;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Loops.ActivityRoles.ActivityRolesWorld;

namespace DiscordAnalytics.Tests.Loops.ActivityRoles;

/// <summary>
/// Rules, preview and apply over a real store on both providers, acting on the demo community's roles (no network):
/// each kind qualifies exactly its members, apply equals the preview, a second apply changes nothing, members who stop
/// qualifying lose only a role the app gave, and a forgotten member's records go.
/// </summary>
public abstract class ActivityRolesStoreTests(StoreProvider provider)
{
    private readonly FakeTimeProvider _time = new(TestDays.Now);

    [Fact]
    public async Task Preview_HandBuiltGuild_EachKindGainsExactlyItsMembersAndChangesNothing()
    {
        await using var store = await SeededAsync();
        var (settings, previewer, _, log) = Services(store, _time, DemoRoles());
        await settings.SetAsync((long)G, actOnDiscord: true, Rules(), CancellationToken.None);

        var previews = await previewer.PreviewAsync((long)G, CancellationToken.None);

        Assert.Equal(Expected.OrderBy(e => e.Key).Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"),
            previews!.Select(p => $"{p.RoleId}: {string.Join(", ", p.Gains.Select(g => g.UserId))}"));
        Assert.All(previews!, p => Assert.Empty(p.Losses));
        Assert.Equal("Ada", previews![0].Gains[0].Name);
        Assert.Equal(0, (await log.ReadAsync((long)G, 1, 20, CancellationToken.None))!.Total);
        await using var db = store.CreateDbContext();
        Assert.Equal(0, await db.RoleGrants.CountAsync());
    }

    [Fact]
    public async Task Apply_InDemo_MakesExactlyThePreviewSimulatedAndASecondApplyChangesNothing()
    {
        await using var store = await SeededAsync();
        var roles = DemoRoles();
        var (settings, previewer, applier, log) = Services(store, _time, roles);
        await settings.SetAsync((long)G, actOnDiscord: true, Rules(), CancellationToken.None);
        var preview = await previewer.PreviewAsync((long)G, CancellationToken.None);

        var result = await applier.ApplyAsync((long)G, CancellationToken.None);

        Assert.Equal(RoleRulesApplyState.Applied, result.State);
        Assert.All(result.Rules, r => Assert.Equal(RoleRuleStatus.Ok, r.Status));
        var logged = (await log.ReadAsync((long)G, 1, 100, CancellationToken.None))!.Entries;
        Assert.Equal(
            preview!.SelectMany(p => p.Gains.Select(g => (p.RoleId, g.UserId))).Order(),
            logged.Select(e => (e.RoleId, e.UserId!)).Order());
        Assert.All(logged, e => Assert.Equal((RoleChangeAction.Add, RoleChangeResult.Simulated), (e.Action, e.Result)));
        Assert.Equal([(ulong)ReactionsRole, (ulong)ActivityRole], roles.RolesOf(G, Bo).Order());
        Assert.All(await previewer.PreviewAsync((long)G, CancellationToken.None) ?? [], p => Assert.Equal((0, 0), (p.GainCount, p.LossCount)));

        var again = await applier.ApplyAsync((long)G, CancellationToken.None);

        Assert.All(again.Rules, r => Assert.Equal((0, 0), (r.Added, r.Removed)));
        Assert.Equal(logged.Count, (await log.ReadAsync((long)G, 1, 100, CancellationToken.None))!.Total);
    }

    [Fact]
    public async Task Apply_WindowMovesOn_MembersWhoNoLongerQualifyLoseOnlyWhatTheAppGave()
    {
        await using var store = await SeededAsync();
        var roles = DemoRoles();
        var (settings, previewer, applier, log) = Services(store, _time, roles);
        // Bo holds the messages role by hand before any rule runs.
        await roles.AddRoleAsync(G, Bo, MessagesRole, "by hand", CancellationToken.None);
        await settings.SetAsync((long)G, actOnDiscord: true, [Rules()[0]], CancellationToken.None);
        await applier.ApplyAsync((long)G, CancellationToken.None);
        // Bo reaches 5 messages: already holding the role, he is recorded as such, not given it.
        await store.WriteAsync(TestEvents.Message(G, General, Bo, TestDays.NineOClock(0), 99));
        await applier.ApplyAsync((long)G, CancellationToken.None);
        Assert.Contains((await log.ReadAsync((long)G, 1, 20, CancellationToken.None))!.Entries, e => e.UserId == Bo.ToString() && e.Result == RoleChangeResult.AlreadyHeld);

        // A week later nobody has 5 messages in the last 7 days.
        _time.Advance(TimeSpan.FromDays(7));
        var preview = await previewer.PreviewAsync((long)G, CancellationToken.None);
        await applier.ApplyAsync((long)G, CancellationToken.None);

        Assert.Equal([Ada.ToString()], preview!.Single().Losses.Select(m => m.UserId));
        Assert.Empty(roles.RolesOf(G, Ada));
        Assert.Equal([(ulong)MessagesRole], roles.RolesOf(G, Bo));
        var newest = (await log.ReadAsync((long)G, 1, 1, CancellationToken.None))!.Entries.Single();
        Assert.Equal((Ada.ToString(), RoleChangeAction.Remove, RoleChangeResult.Simulated), (newest.UserId, newest.Action, newest.Result));
        await using var db = store.CreateDbContext();
        Assert.Equal(0, await db.RoleGrants.CountAsync());
    }

    [Fact]
    public async Task Forget_MemberTheAppGaveRolesTo_TheirHoldersAndLogRowsGoAndTheyAreNeverActedOn()
    {
        await using var store = await SeededAsync();
        var roles = DemoRoles();
        var (settings, _, applier, log) = Services(store, _time, roles);
        await settings.SetAsync((long)G, actOnDiscord: true, Rules(), CancellationToken.None);
        await applier.ApplyAsync((long)G, CancellationToken.None);

        await store.WriteAsync(TestEvents.Forget(G, Ada, TestDays.NowMs));
        await applier.ApplyAsync((long)G, CancellationToken.None);

        await using var db = store.CreateDbContext();
        Assert.False(await db.RoleGrants.AnyAsync(g => g.UserId == (long)Ada));
        Assert.False(await db.RoleChanges.AnyAsync(c => c.UserId == (long)Ada));
        Assert.DoesNotContain((await log.ReadAsync((long)G, 1, 100, CancellationToken.None))!.Entries, e => e.UserId == Ada.ToString());
        // Never acted on: the role the app gave before stays, no removal was tried.
        Assert.Equal([(ulong)MessagesRole, (ulong)LongMessagesRole], roles.RolesOf(G, Ada).Order());
    }

    [Fact]
    public async Task Preview_HiddenMember_CountedButNeverNamedAndLoggedWithoutId()
    {
        await using var store = await SeededAsync();
        var (settings, previewer, applier, log) = Services(store, _time, DemoRoles());
        await settings.SetAsync((long)G, actOnDiscord: true, Rules(), CancellationToken.None);
        await using (var db = store.CreateDbContext())
        {
            db.MemberPrivacy.Add(new Core.Privacy.MemberPrivacy { GuildId = (long)G, UserId = (long)Cy, Choice = Core.Privacy.MemberPrivacyChoice.Hidden, SetAt = TestDays.NowMs });
            await db.SaveChangesAsync();
        }

        var preview = (await previewer.PreviewAsync((long)G, CancellationToken.None))!.Single(p => p.RoleId == LongMessagesRole.ToString());
        await applier.ApplyAsync((long)G, CancellationToken.None);

        Assert.Equal((2, 1, 1), (preview.GainCount, preview.Gains.Count, preview.HiddenGains));
        Assert.Equal([Ada.ToString()], preview.Gains.Select(g => g.UserId));
        var entries = (await log.ReadAsync((long)G, 1, 100, CancellationToken.None))!.Entries.Where(e => e.RoleId == LongMessagesRole.ToString()).ToList();
        Assert.Equal([null, Ada.ToString()], entries.Select(e => e.UserId).Order());
    }

    [Fact]
    public async Task Set_RuleLeftOut_IsDeletedWithItsHoldersAndSwitchingAPausedRuleOnClearsThePause()
    {
        await using var store = await SeededAsync();
        var (settings, _, applier, _) = Services(store, _time, DemoRoles());
        await settings.SetAsync((long)G, actOnDiscord: true, Rules(), CancellationToken.None);
        await applier.ApplyAsync((long)G, CancellationToken.None);
        var stored = (await settings.GetAsync((long)G, CancellationToken.None))!.Rules;
        await using (var db = store.CreateDbContext())
        {
            var paused = await db.RoleRules.SingleAsync(r => r.RoleId == MessagesRole);
            (paused.Enabled, paused.Status, paused.StatusMessage) = (false, RoleRuleStatus.Paused, "refused");
            await db.SaveChangesAsync();
        }

        var first = stored[0];
        var update = await settings.SetAsync((long)G, actOnDiscord: false,
            [new RoleRuleInput(long.Parse(first.Id), first.Kind, first.Threshold, first.Days, MessagesRole, Enabled: true)], CancellationToken.None);

        Assert.Equal(RoleRulesUpdate.Saved, update);
        var view = (await settings.GetAsync((long)G, CancellationToken.None))!;
        Assert.False(view.ActOnDiscord);
        var rule = Assert.Single(view.Rules);
        Assert.Equal((first.Id, true, RoleRuleStatus.New, (string?)null), (rule.Id, rule.Enabled, rule.Status, rule.StatusMessage));
        await using var check = store.CreateDbContext();
        Assert.Equal([MessagesRole], await check.RoleGrants.Select(g => g.RoleId).Distinct().ToListAsync());
    }

    private async Task<TempSqliteStore> SeededAsync()
    {
        var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        await store.WriteAsync([.. Events()]);
        return store;
    }

    [Fact]
    public async Task Preview_StreakLeaderboardAndMentorKinds_GainExactlyTheRankedMembersHiddenOnesCountedNotNamed()
    {
        const long streakRole = 511, topRole = 512, mentorRole = 513, oneMentorRole = 514;
        await using var store = await SeededAsync();
        await store.WriteAsync([.. RankingEvents()]);
        await using (var db = store.CreateDbContext())
        {
            db.MemberPrivacy.Add(new Core.Privacy.MemberPrivacy { GuildId = (long)G, UserId = (long)Bo, Choice = Core.Privacy.MemberPrivacyChoice.Hidden, SetAt = TestDays.NowMs });
            await db.SaveChangesAsync();
        }

        var (settings, previewer, _, _) = Services(store, _time, DemoRoles());
        await settings.SetAsync((long)G, actOnDiscord: true,
        [
            new(null, RoleRuleKind.Streak, 3, 1, streakRole, true),
            new(null, RoleRuleKind.LeaderboardTop, 1, 7, topRole, true),
            new(null, RoleRuleKind.Mentor, 2, 7, mentorRole, true),
            new(null, RoleRuleKind.Mentor, 1, 7, oneMentorRole, true),
        ], CancellationToken.None);

        var previews = await previewer.PreviewAsync((long)G, CancellationToken.None);

        // Bo (hidden, so counted and never named) has the only 3-day streak and the best activity score of 7 days (7 messages
        // and 3 reactions: 10, before Ada's 7); Ada answered both questions first, Bo one of them later.
        Assert.Equal(
            [($"{streakRole}", 1, "", 1), ($"{topRole}", 1, "", 1), ($"{mentorRole}", 2, $"{Ada}", 1), ($"{oneMentorRole}", 1, $"{Ada}", 0)],
            previews!.Select(p => (p.RoleId, p.GainCount, string.Join(", ", p.Gains.Select(g => g.UserId)), p.HiddenGains)));
    }

    public sealed class OnSqlite() : ActivityRolesStoreTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : ActivityRolesStoreTests(StoreProvider.Postgres);
}
