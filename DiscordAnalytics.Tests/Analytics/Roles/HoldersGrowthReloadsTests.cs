using System.Text.Json;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Engagement;
using DiscordAnalytics.Core.Analytics.MemberDays;
using DiscordAnalytics.Core.Analytics.Roles;
using DiscordAnalytics.Core.Analytics.Voice;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics.Roles;

/// <summary>
/// One <see cref="HoldersGrowth"/> and the member cards that keep figures per holder set (totals, engagement, lurkers,
/// voice) kept across the writer's batches (as the app's singletons are): after every batch of joins, leaves (redelivered
/// and late ones too), bots' joins, role changes mid-window (roles gained and lost), messages (late ones too), reactions,
/// voice and a forget, the kept role holders' joins and leaves equal those of a fresh one reading the store, with and
/// without bots, and each kept card under a role filter equals a fresh one; the joins and leaves are read again only
/// when their stored version moved, never for a message or a role change.
/// </summary>
public abstract class HoldersGrowthReloadsTests(StoreProvider provider)
{
    private const ulong G = 9_600;
    private const ulong Text = 9_601;
    private const ulong VoiceRoom = 9_602;
    private const int Users = 24;
    private const int Days = 18;
    private static readonly ulong[] RoleIds = [9_611, 9_612];
    private static readonly DateOnly First = new(2026, 10, 1);

    private static long Start => DayBucket.StartMs(DayBucket.FromDate(First));

    private static long DayStart(int day) => Start + (day * DayBucket.MillisecondsPerDay);

    /// <summary>Hours into the last day: the previous windows are cut, as a live dashboard's are.</summary>
    private static long NowAt => DayStart(Days - 1) + 30_000_000;

    private static readonly AnalyticsWindow[] Windows =
    [
        AnalyticsWindow.Between(First.AddDays(Days - 7), First.AddDays(Days - 1)),
        AnalyticsWindow.Between(First.AddDays(5), First.AddDays(9)),
    ];

    [Theory]
    [InlineData(61)]
    [InlineData(62)]
    public async Task OfQuery_KeptAcrossTheWritersBatches_EqualsAFreshReadAfterEach(int seed)
    {
        var random = new Random(seed);
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        var index = TestMemberDays.Over(store);
        await using var writer = new IngestionBatchWriter(store.Storage, GuildMode.Live, NullLogger.Instance, memberDays: index);
        await writer.WriteAsync(
            [Guild(G, "growth", Start), Channel(G, Text, "general", Start), Channel(G, VoiceRoom, "voice", Start, ChannelTypes.Voice), .. RoleIds.Select((r, i) => Role(G, r, $"role-{i}", Start)), RoleSnapshot(G, Start)],
            CancellationToken.None);
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(NowAt));
        var kept = Cards.Over(store, index, time);
        var n = 0UL;
        for (var day = 0; day < Days; day++)
        {
            // Each day members join (with roles, some of them bots), leave (some twice: a redelivery), are seen with new
            // roles, and post; some joins and leaves arrive late, dated days back. Late in the stream one is forgotten.
            var batch = new List<IngestEvent>();
            for (var k = 0; k < 8; k++)
            {
                var user = (ulong)(9_700 + random.Next(Users));
                var at = DayStart(Math.Max(0, day - (random.Next(4) == 0 ? random.Next(1, 6) : 0))) + random.Next(86_000_000);
                var held = RoleIds.Where(_ => random.Next(2) == 0).ToArray();
                batch.Add(random.Next(6) switch
                {
                    0 => JoinWithRoles(G, user, at, held),
                    1 => JoinWithRoles(G, user, at, held) with { IsBot = true },
                    2 => Leave(G, user, at),
                    3 => Leave(G, user, at) with { DeliveryId = $"again-{n}" },
                    _ => MemberRoles(G, user, at, held),
                });
                var postedAt = DayStart(Math.Max(0, day - (random.Next(4) == 0 ? random.Next(1, 5) : 0))) + random.Next(86_000_000);
                batch.Add(Message(G, Text, user, postedAt, ++n));
                if (random.Next(3) == 0)
                {
                    batch.Add(Reaction(G, Text, n, (ulong)(9_700 + random.Next(Users)), postedAt + 5_000));
                }
            }

            var (talker, talkedAt) = ((ulong)(9_700 + random.Next(Users)), DayStart(day) + random.Next(60_000_000));
            batch.AddRange([Voice(G, talker, VoiceRoom, talkedAt), Voice(G, talker, null, talkedAt + (random.Next(5, 90) * 60_000L))]);

            if (day == Days - 3)
            {
                batch.Add(Forget(G, 9_700 + (ulong)random.Next(Users), DayStart(day) + 60_000_000));
            }

            await writer.WriteAsync(batch, CancellationToken.None);
            await AssertEqualToFreshAsync(store, kept, time);
        }

        // Not a trivial answer: the holders joined and left in the first window, and were some of its active members.
        var query = new AnalyticsQuery(G, Windows[0], AnalyticsQuery.DefaultTop, IncludeBots: true) { RoleId = RoleIds[0] };
        var growth = await kept.Growth.OfQueryAsync(query, ComparisonWindow.Before(query.Window, NowAt), CancellationToken.None);
        Assert.True(growth.Joins > 0 && growth.Leaves > 0 && growth.PreviousJoins > 0, $"seed {seed}: {growth}");
        var (holders, everyone) = ((await kept.Engagement.RunAsync(query, CancellationToken.None)).Daily[^1], (await kept.Engagement.RunAsync(query with { RoleId = null }, CancellationToken.None)).Daily[^1]);
        Assert.True(holders.Mau > 0 && holders.Mau < everyone.Mau, $"seed {seed}: {holders} of {everyone}");
    }

    [Fact]
    public async Task OfQuery_MessagesAndRoleChangesThenAJoin_ReadsTheJoinsAndLeavesAgainOnlyAfterTheJoin()
    {
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        await store.WriteAsync(Guild(G, "growth", Start), Channel(G, Text, "general", Start), Role(G, RoleIds[0], "mods", Start), JoinWithRoles(G, 9_701, DayStart(1), RoleIds[0]));
        var growth = new HoldersGrowth(store, new RoleHolders(store));
        var query = new AnalyticsQuery(G, Windows[0], AnalyticsQuery.DefaultTop, IncludeBots: false) { RoleId = RoleIds[0] };
        async Task<MemberGrowth> GrowthAsync() => await growth.OfQueryAsync(query, ComparisonWindow.Before(query.Window, NowAt), CancellationToken.None);

        Assert.Equal((0L, 0L), ((await GrowthAsync()).Joins, (await GrowthAsync()).Leaves));
        Assert.Equal(1, growth.Reads);

        // A message and a role gained: no join or leave moved, nothing read again (the holders are the spans' to answer).
        await store.WriteAsync(Message(G, Text, 9_701, DayStart(Days - 2), 1), MemberRoles(G, 9_702, DayStart(Days - 6), RoleIds[0]));
        Assert.Equal(0, (await GrowthAsync()).Joins);
        Assert.Equal(1, growth.Reads);

        // The new holder leaves and joins again in the window: read once, then kept again.
        await store.WriteAsync(Leave(G, 9_702, DayStart(Days - 5)), JoinWithRoles(G, 9_702, DayStart(Days - 4), RoleIds[0]));
        Assert.Equal((1L, 1L), ((await GrowthAsync()).Joins, (await GrowthAsync()).Leaves));
        Assert.Equal(2, growth.Reads);

        // The holder is forgotten: their joins and leaves are deleted, and read again.
        await store.WriteAsync(Forget(G, 9_702, DayStart(Days - 3)));
        Assert.Equal((0L, 0L), ((await GrowthAsync()).Joins, (await GrowthAsync()).Leaves));
        Assert.Equal(3, growth.Reads);
    }

    private static async Task AssertEqualToFreshAsync(TempSqliteStore store, Cards kept, TimeProvider time)
    {
        var fresh = Cards.Over(store, TestMemberDays.Over(store), time);
        foreach (var window in Windows)
        {
            foreach (var (role, bots) in RoleIds.SelectMany(r => new[] { (r, false), (r, true) }))
            {
                var query = new AnalyticsQuery(G, window, AnalyticsQuery.DefaultTop, bots) { RoleId = role };
                var span = ComparisonWindow.Before(window, NowAt);
                var (expected, actual) = (await fresh.Growth.OfQueryAsync(query, span, CancellationToken.None), await kept.Growth.OfQueryAsync(query, span, CancellationToken.None));
                Assert.Equal(Totals(expected), Totals(actual));
                Assert.Equal(expected.Daily, actual.Daily);

                Assert.Equal(await fresh.Totals.RunAsync(query, CancellationToken.None), await kept.Totals.RunAsync(query, CancellationToken.None));
                Assert.Equal((await fresh.Totals.RunPreviousAsync(query, CancellationToken.None)).Totals, (await kept.Totals.RunPreviousAsync(query, CancellationToken.None)).Totals);
                Assert.Equal((await fresh.Engagement.RunAsync(query, CancellationToken.None)).Daily, (await kept.Engagement.RunAsync(query, CancellationToken.None)).Daily);
                Assert.Equal(await fresh.Lurkers.RunAsync(query, CancellationToken.None), await kept.Lurkers.RunAsync(query, CancellationToken.None));
                Assert.Equal(
                    JsonSerializer.Serialize(await fresh.Voice.RunAsync(query, [], CancellationToken.None)),
                    JsonSerializer.Serialize(await kept.Voice.RunAsync(query, [], CancellationToken.None)));
            }
        }
    }

    private static (long, long, long, long, long, long) Totals(MemberGrowth growth) =>
        (growth.Joins, growth.Leaves, growth.Net, growth.PreviousJoins, growth.PreviousLeaves, growth.PreviousNet);

    /// <summary>The cards over one set of kept role holders and member days, as the app's singletons share them.</summary>
    private sealed record Cards(HoldersGrowth Growth, TotalsQuery Totals, EngagementQuery Engagement, LurkersQuery Lurkers, VoiceQuery Voice)
    {
        public static Cards Over(TempSqliteStore store, MemberDayIndex memberDays, TimeProvider time)
        {
            var holders = new RoleHolders(store);
            var growth = new HoldersGrowth(store, holders);
            return new Cards(
                growth,
                new TotalsQuery(store, TestChannelDays.Over(store), memberDays, time, holders, growth),
                new EngagementQuery(memberDays, holders),
                new LurkersQuery(store, memberDays, holders),
                new VoiceQuery(store, new VoiceDayIndex(store, NullLogger<VoiceDayIndex>.Instance), time, holders));
        }
    }

    public sealed class OnSqlite() : HoldersGrowthReloadsTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : HoldersGrowthReloadsTests(StoreProvider.Postgres);
}
