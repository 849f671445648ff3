using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Roles;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics.Roles;

/// <summary>
/// One <see cref="RoleHolders"/> and one Roles card kept across the writer's batches (as the app's singletons are):
/// after every batch of role changes (members gaining and losing roles, joins with roles, leaves, a role deleted, a
/// forget) and messages, the kept holders equal the role spans read from the store and the kept Roles card equals a
/// fresh one; the spans are read again only when their stored version moved, never for a message.
/// </summary>
public abstract class RoleHoldersReloadsTests(StoreProvider provider)
{
    private const ulong G = 9_800;
    private const ulong Text = 9_801;
    private const int Users = 30;
    private const int Days = 20;
    private static readonly ulong[] RoleIds = [9_811, 9_812, 9_813];
    private static readonly DateOnly First = new(2026, 10, 1);

    private static long Start => DayBucket.StartMs(DayBucket.FromDate(First));

    private static long DayStart(int day) => Start + (day * DayBucket.MillisecondsPerDay);

    private static readonly AnalyticsWindow[] Windows =
    [
        AnalyticsWindow.Between(First, First.AddDays(Days - 1)),
        AnalyticsWindow.Between(First.AddDays(Days - 7), First.AddDays(Days - 1)),
        AnalyticsWindow.Between(First.AddDays(3), First.AddDays(5)),
    ];

    [Theory]
    [InlineData(81)]
    [InlineData(82)]
    public async Task OfRole_KeptAcrossTheWritersBatches_EqualsTheStoredSpansAfterEach(int seed)
    {
        var random = new Random(seed);
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        var index = TestMemberDays.Over(store);
        await using var writer = new IngestionBatchWriter(store.Storage, GuildMode.Live, NullLogger.Instance, memberDays: index);
        await writer.WriteAsync(
            [Guild(G, "holders", Start), Channel(G, Text, "general", Start), .. RoleIds.Select((r, i) => Role(G, r, $"role-{i}", Start)), RoleSnapshot(G, Start)],
            CancellationToken.None);
        var holders = new RoleHolders(store);
        var roles = new RolesQuery(store, index, holders);
        var n = 0UL;
        for (var day = 0; day < Days; day++)
        {
            // Each day some members are seen with a new role set (some with none), some join with roles, some leave, and
            // members post; late in the stream a role is deleted and a member forgotten.
            var batch = new List<IngestEvent>();
            for (var k = 0; k < 6; k++)
            {
                var user = (ulong)(9_900 + random.Next(Users));
                var at = DayStart(day) + random.Next(86_000_000);
                var held = RoleIds.Where(_ => random.Next(3) == 0).ToArray();
                batch.Add(random.Next(5) switch
                {
                    0 => JoinWithRoles(G, user, at, held),
                    1 => Leave(G, user, at),
                    _ => MemberRoles(G, user, at, held),
                });
                batch.Add(Message(G, Text, user, at + 1_000, ++n));
            }

            if (day == Days - 4)
            {
                batch.Add(RoleDelete(G, RoleIds[2], DayStart(day) + 50_000_000));
                batch.Add(Forget(G, 9_900 + (ulong)random.Next(Users), DayStart(day) + 60_000_000));
            }

            await writer.WriteAsync(batch, CancellationToken.None);
            await AssertEqualToStoredAsync(store, holders, roles);
        }

        // Not a trivial answer: a window has holders of a role and members who do not hold it.
        var all = await holders.OfRoleAsync((long)G, (long)RoleIds[0], Windows[1].StartAt, Windows[1].EndAt, CancellationToken.None);
        Assert.InRange(all.Count, 1, Users - 1);
    }

    [Fact]
    public async Task OfRole_MessagesThenARoleChange_ReadsTheSpansAgainOnlyAfterTheChange()
    {
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        await store.WriteAsync(Guild(G, "holders", Start), Channel(G, Text, "general", Start), Role(G, RoleIds[0], "mods", Start), MemberRoles(G, 9_901, Start + 1_000, RoleIds[0]));
        var holders = new RoleHolders(store);
        var window = Windows[0];
        async Task<HashSet<long>> MembersAsync() => await holders.OfRoleAsync((long)G, (long)RoleIds[0], window.StartAt, window.EndAt, CancellationToken.None);

        Assert.Equal([9_901L], await MembersAsync());
        Assert.Equal(1, holders.SpanReads);

        // A message, a new member without roles, a name: no span moved, nothing read.
        await store.WriteAsync(Message(G, Text, 9_901, DayStart(2), 1), Member(G, 9_902, "bo", DayStart(2)));
        Assert.Equal([9_901L], await MembersAsync());
        Assert.Equal(1, holders.SpanReads);

        // Bo gains the role: read once, then kept again.
        await store.WriteAsync(MemberRoles(G, 9_902, DayStart(3), RoleIds[0]));
        Assert.Equal([9_901L, 9_902L], (await MembersAsync()).Order());
        Assert.Equal([9_901L, 9_902L], (await MembersAsync()).Order());
        Assert.Equal(2, holders.SpanReads);

        // Ada is forgotten: her span is deleted, and she is no holder any more.
        await store.WriteAsync(Forget(G, 9_901, DayStart(4)));
        Assert.Equal([9_902L], await MembersAsync());
        Assert.Equal(3, holders.SpanReads);
    }

    private static async Task AssertEqualToStoredAsync(TempSqliteStore store, RoleHolders kept, RolesQuery keptRoles)
    {
        await using var db = store.CreateDbContext();
        foreach (var window in Windows)
        {
            foreach (var role in RoleIds)
            {
                var query = new AnalyticsQuery(G, window, AnalyticsQuery.DefaultTop, IncludeBots: false) { RoleId = role };
                var stored = await RoleHolders.OfQueryAsync(db, query, window.StartAt, window.EndAt, CancellationToken.None);
                var held = await kept.OfQueryAsync(query, window.StartAt, window.EndAt, CancellationToken.None);
                Assert.Equal(stored!.Order(), held!.Order());
            }

            var everyRole = new AnalyticsQuery(G, window, AnalyticsQuery.DefaultTop, IncludeBots: false);
            var fresh = await new RolesQuery(store, TestMemberDays.Over(store), new RoleHolders(store)).RunAsync(everyRole, CancellationToken.None);
            var same = await keptRoles.RunAsync(everyRole, CancellationToken.None);
            Assert.Equal(fresh.Roles, same.Roles);
            Assert.Equal(fresh.Changes, same.Changes);
        }
    }

    public sealed class OnSqlite() : RoleHoldersReloadsTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : RoleHoldersReloadsTests(StoreProvider.Postgres);
}
