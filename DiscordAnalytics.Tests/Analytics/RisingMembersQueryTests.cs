using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics;

/// <summary>Rising members (summary <c>risingMembers</c>) over a real store written by the real writer.</summary>
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
    private static readonly DateOnly Monday = new(2026, 11, 16);
    private TempSqliteStore _store = null!;
    private ulong _n;

    public async Task InitializeAsync()
    {
        _store = await TempSqliteStore.CreateFromTemplateAsync(provider);
        var setup = At(Monday.AddDays(-20));
        await _store.WriteAsync(
            Guild(G, "Rising", setup),
            Channel(G, General, "general", setup),
            Member(G, Alice, "alice", setup),
            Member(G, Bob, "bob", setup),
            Member(G, Carol, "carol", setup),
            Member(G, Dave, "dave", setup),
            Member(G, Bot, "bot", setup, bot: true));
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

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

    /// <summary>Messages in the previous week (Nov 9-15) and this one (Nov 16-22), one per hour from 08:00.</summary>
    private async Task PostAsync(ulong member, int previous, int current, bool bot = false)
    {
        var events = Enumerable.Range(0, previous).Select(i => Message(G, General, member, At(Monday.AddDays(-3), 8 + i), ++_n, "before", bot))
            .Concat(Enumerable.Range(0, current).Select(i => Message(G, General, member, At(Monday.AddDays(2), 8 + i), ++_n, "now", bot)))
            .ToArray();
        await _store.WriteAsync(events);
    }

    private Task<IReadOnlyList<RisingMember>> RunAsync(bool includeBots) =>
        new RisingMembersQuery(_store).RunAsync(
            new AnalyticsQuery(G, AnalyticsWindow.Between(Monday, Monday.AddDays(6)), AnalyticsQuery.DefaultTop, includeBots),
            CancellationToken.None);

    private static long At(DateOnly day, int hour = 0) => DayBucket.StartMs(DayBucket.FromDate(day)) + (hour * 3_600_000L);

    public sealed class OnSqlite() : RisingMembersQueryTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : RisingMembersQueryTests(StoreProvider.Postgres);
}
