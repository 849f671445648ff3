using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Infrastructure.TestDays;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;
using DiscordAnalytics.Core.Analytics.Roles;

namespace DiscordAnalytics.Tests.Privacy;

/// <summary>
/// The one privacy filter (<see cref="VisibleMembers"/>): every hidden or forgotten member of the guild, and only of that
/// guild, is left out of every list query (top and rising members, top content's author and excerpt, keywords, the
/// insights' opted-out list), while the numbers still count a hidden member. A forgotten row whose member still has rows
/// (the writer deletes them; here they are left on purpose) is filtered the same way. Real writer, real SQLite file.
/// </summary>
public abstract class VisibleMembersTests(StoreProvider provider) : IAsyncLifetime
{
    private const ulong G = 7_300;
    private const ulong OtherGuild = 7_301;
    private const ulong General = 201;
    private const ulong Hidden = 601;
    private const ulong Forgotten = 602;
    private const ulong Carol = 603;
    private static readonly long Yesterday = NineOClock(daysAgo: 1);
    private TempSqliteStore _store = null!;
    private StoreContextFactory _contexts = null!;

    public async Task InitializeAsync()
    {
        _store = await TempSqliteStore.CreateFromTemplateAsync(provider);
        _contexts = new StoreContextFactory(_store.Storage);
        var at = Yesterday - (30 * 24 * Hour);
        var hidden = Message(G, General, Hidden, Yesterday, n: 1, excerpt: "hiddenword plans");
        var forgotten = Message(G, General, Forgotten, Yesterday + Hour, n: 2, excerpt: "forgottenword plans");
        var carols = Message(G, General, Carol, Yesterday + (2 * Hour), n: 3, excerpt: "carolword plans");
        await _store.WriteAsync(
            Guild(G, "Filter Guild", at),
            Guild(OtherGuild, "Other Guild", at),
            Channel(G, General, "general", at),
            Member(G, Hidden, "Hidden Hana", at),
            Member(G, Forgotten, "Forgotten Fay", at),
            Member(G, Carol, "Carol", at),
            hidden,
            forgotten,
            carols,
            Reaction(G, General, hidden.MessageId!.Value, Carol, Yesterday + (3 * Hour)),
            Reaction(G, General, forgotten.MessageId!.Value, Carol, Yesterday + (3 * Hour)),
            Reaction(G, General, carols.MessageId!.Value, Hidden, Yesterday + (3 * Hour)));
        await _store.ExecuteAsync(
            $"INSERT INTO memberPrivacy (guildId, userId, choice, setAt) VALUES ({G}, {Hidden}, 'hidden', {NowMs}), ({G}, {Forgotten}, 'forgotten', {NowMs}), ({OtherGuild}, {Carol}, 'hidden', {NowMs})");
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Load_HiddenAndForgotten_AreNotListed_AnotherGuildsChoiceDoesNotCount()
    {
        await using var db = _contexts.CreateDbContext();

        var visible = await VisibleMembers.LoadAsync(db, (long)G, CancellationToken.None);

        Assert.True(visible.AnyoneOptedOut);
        Assert.False(visible.IsListed((long)Hidden));
        Assert.False(visible.IsListed((long)Forgotten));
        Assert.True(visible.IsListed((long)Carol));
        Assert.True(visible.MayShowContentOf(null));
        Assert.False(visible.MayShowContentOf((long)Hidden));
        Assert.Equal([$"{Hidden}", $"{Forgotten}"], visible.OptedOutIds().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Listed_InSql_DropsOptedOutRows_AndLeavesAGuildWithNobodyOptedOutAlone()
    {
        await using var db = _contexts.CreateDbContext();
        var visible = await VisibleMembers.LoadAsync(db, (long)G, CancellationToken.None);
        var nobody = await VisibleMembers.LoadAsync(db, 7_399, CancellationToken.None);
        var members = db.Members.Where(m => m.GuildId == (long)G);

        var listed = await visible.Listed(members, m => m.UserId).Select(m => m.UserId).ToListAsync();
        var all = await nobody.Listed(members, m => m.UserId).OrderBy(m => m.UserId).Select(m => m.UserId).ToListAsync();

        Assert.Equal([(long)Carol], listed);
        Assert.False(nobody.AnyoneOptedOut);
        Assert.Equal([(long)Hidden, (long)Forgotten, (long)Carol], all);
    }

    [Fact]
    public async Task EveryListQuery_LeavesOutHiddenAndForgotten_WhileTotalsCountThem()
    {
        var time = new FakeTimeProvider(Now);
        var query = new AnalyticsQuery(G, AnalyticsWindow.Last(7, Today), 10, IncludeBots: false);

        var top = await new TopMembersQuery(_contexts, TestMemberDays.Over(_contexts), time, new RoleHolders(_contexts)).RunAsync(query, MemberRanking.ByActivity, CancellationToken.None);
        var rising = await new RisingMembersQuery(_contexts, TestMemberDays.Over(_contexts), time, new RoleHolders(_contexts)).RunAsync(query, CancellationToken.None);
        var content = await new TopContentQuery(_contexts, TestChannelDays.Over(_contexts)).RunAsync(query, CancellationToken.None);
        var keywords = (await new SupportSignalsQuery(_contexts, time).RunAsync(query, CancellationToken.None)).CommonKeywords;
        var optedOut = await new StoredOptedOutMembers(_contexts).ListAsync($"{G}", CancellationToken.None);
        var totals = await new TotalsQuery(_contexts, TestChannelDays.Over(_contexts), TestMemberDays.Over(_contexts), time, new RoleHolders(_contexts), new HoldersGrowth(_contexts, new RoleHolders(_contexts))).RunAsync(query, CancellationToken.None);

        Assert.Equal([$"{Carol}"], top.Select(m => m.DiscordUserId));
        Assert.Equal([$"{Carol}"], rising.Select(m => m.DiscordUserId));
        Assert.Equal(3, content.Count);
        // Equal scores rank by message id: the hidden member's, the forgotten member's, Carol's.
        Assert.Equal([null, null, $"{Carol}"], content.Select(c => c.AuthorDiscordUserId));
        Assert.Equal(["carolword plans"], content.Where(c => c.Excerpt is not null).Select(c => c.Excerpt));
        Assert.Equal([new("carolword", 1), new("plans", 1)], keywords);
        Assert.Equal([$"{Hidden}", $"{Forgotten}"], optedOut.Order(StringComparer.Ordinal));
        Assert.Equal(3, totals.Messages);
        Assert.Equal(3, totals.Reactions);
        Assert.Equal(3, totals.ActiveMembers);
    }

    public sealed class OnSqlite() : VisibleMembersTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : VisibleMembersTests(StoreProvider.Postgres);
}
