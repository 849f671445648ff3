using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using static DiscordAnalytics.Tests.Analytics.WeekOverWeekStore;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;
using DiscordAnalytics.Core.Analytics.Roles;

namespace DiscordAnalytics.Tests.Analytics;

/// <summary>Rising members (summary <c>risingMembers</c>) over a real store written by the real writer, on each provider.</summary>
public abstract class RisingMembersQueryTests(StoreProvider provider) : IAsyncLifetime
{
    private const ulong G = 8_500;
    private const ulong General = 851;
    private const ulong Alice = 861;
    private const ulong Bob = 862;
    private const ulong Carol = 863;
    private const ulong Dave = 864;
    private const ulong Erin = 865;
    private const ulong Bot = 899;
    private WeekOverWeekStore _week = null!;

    public async Task InitializeAsync() =>
        _week = await WeekOverWeekStore.CreateAsync(
            provider,
            G,
            "Rising",
            [(General, "general")],
            [(Alice, "alice", false), (Bob, "bob", false), (Carol, "carol", false), (Dave, "dave", false), (Bot, "bot", true)]);

    public async Task DisposeAsync() => await _week.DisposeAsync();

    [Fact]
    public async Task Run_MembersWithMoreMessagesThanBefore_RankedByTheIncrease()
    {
        await PostAsync(Alice, previous: 2, current: 10);
        await PostAsync(Bob, previous: 0, current: 5);
        await PostAsync(Carol, previous: 6, current: 6);
        await PostAsync(Dave, previous: 9, current: 3);
        await PostAsync(Erin, previous: 0, current: 5);
        await PostAsync(Bot, previous: 0, current: 50, bot: true);

        var rising = await RunAsync(includeBots: false);

        Assert.Equal(
            [(Alice.ToString(), "alice", 10L, 2L), (Bob.ToString(), "bob", 5L, 0L), (Erin.ToString(), Erin.ToString(), 5L, 0L)],
            rising.Select(r => (r.DiscordUserId, r.Name, r.MessagesSent, r.PreviousMessagesSent)));
    }

    [Fact]
    public async Task Run_IncludeBots_BotsCanRise()
    {
        await PostAsync(Alice, previous: 2, current: 10);
        await PostAsync(Bot, previous: 0, current: 50, bot: true);

        var rising = await RunAsync(includeBots: true);

        Assert.Equal([Bot.ToString(), Alice.ToString()], rising.Select(r => r.DiscordUserId));
    }

    [Fact]
    public async Task Run_NobodyRose_Empty()
    {
        await PostAsync(Dave, previous: 9, current: 3);

        Assert.Empty(await RunAsync(includeBots: false));
    }

    private Task PostAsync(ulong member, int previous, int current, bool bot = false) =>
        _week.PostAsync(General, member, previous, current, bot);

    private Task<IReadOnlyList<RisingMember>> RunAsync(bool includeBots) =>
        new RisingMembersQuery(_week.Store, TestMemberDays.Over(_week.Store), TimeProvider.System, new RoleHolders(_week.Store)).RunAsync(
            _week.ThisWeek(includeBots),
            CancellationToken.None);

    public sealed class OnSqlite() : RisingMembersQueryTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : RisingMembersQueryTests(StoreProvider.Postgres);
}
