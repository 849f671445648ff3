using System.Text.Json;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Engagement;
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
/// The role-filtered member cards that keep figures per holder set (engagement, lurkers, voice, totals), kept across the
/// writer's batches as the app's singletons are: after every batch of role changes mid-window (roles gained and lost),
/// joins with roles, leaves, messages (late ones too), reactions and voice, each kept card under a role filter equals a
/// fresh one reading the store, for every role and window, with and without bots.
/// </summary>
public abstract class RoleFilteredCardsReloadsTests(StoreProvider provider)
{
    private const ulong G = 9_400;
    private const ulong Text = 9_401;
    private const ulong VoiceRoom = 9_402;
    private const int Users = 26;
    private const int Days = 16;
    private static readonly ulong[] RoleIds = [9_411, 9_412];
    private static readonly DateOnly First = new(2026, 10, 1);

    private static long Start => DayBucket.StartMs(DayBucket.FromDate(First));

    private static long DayStart(int day) => Start + (day * DayBucket.MillisecondsPerDay);

    /// <summary>Hours into the last day: the previous windows are cut, as a live dashboard's are.</summary>
    private static long NowAt => DayStart(Days - 1) + 30_000_000;

    private static readonly AnalyticsWindow[] Windows =
    [
        AnalyticsWindow.Between(First.AddDays(Days - 7), First.AddDays(Days - 1)),
        AnalyticsWindow.Between(First.AddDays(4), First.AddDays(8)),
    ];

    [Theory]
    [InlineData(41)]
    [InlineData(42)]
    public async Task Run_KeptAcrossTheWritersBatches_EqualsAFreshCardAfterEach(int seed)
    {
        var random = new Random(seed);
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        var index = TestMemberDays.Over(store);
        await using var writer = new IngestionBatchWriter(store.Storage, GuildMode.Live, NullLogger.Instance, memberDays: index);
        await writer.WriteAsync(
            [Guild(G, "filtered", Start), Channel(G, Text, "general", Start), Channel(G, VoiceRoom, "voice", Start, ChannelTypes.Voice),
                .. RoleIds.Select((r, i) => Role(G, r, $"role-{i}", Start)), RoleSnapshot(G, Start)],
            CancellationToken.None);
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(NowAt));
        var kept = Cards.Over(store, index, time);
        var n = 0UL;
        for (var day = 0; day < Days; day++)
        {
            // Each day members join with roles (some bots), leave, gain and lose roles, post (some posts late, dated days
            // back), react and talk in voice; the kept cards are asked between batches, as a dashboard open all along.
            var batch = new List<IngestEvent>();
            for (var k = 0; k < 8; k++)
            {
                var user = (ulong)(9_500 + random.Next(Users));
                var at = DayStart(day) + random.Next(80_000_000);
                var held = RoleIds.Where(_ => random.Next(2) == 0).ToArray();
                batch.Add(random.Next(6) switch
                {
                    0 => JoinWithRoles(G, user, at, held),
                    1 => JoinWithRoles(G, user, at, held) with { IsBot = true },
                    2 => Leave(G, user, at),
                    _ => MemberRoles(G, user, at, held),
                });
                var postedAt = DayStart(Math.Max(0, day - (random.Next(4) == 0 ? random.Next(1, 5) : 0))) + random.Next(86_000_000);
                batch.Add(Message(G, Text, user, postedAt, ++n));
                if (random.Next(3) == 0)
                {
                    batch.Add(Reaction(G, Text, n, (ulong)(9_500 + random.Next(Users)), postedAt + 5_000));
                }
            }

            var talker = (ulong)(9_500 + random.Next(Users));
            var (joinedVoice, minutes) = (DayStart(day) + random.Next(60_000_000), random.Next(5, 90));
            batch.Add(Voice(G, talker, VoiceRoom, joinedVoice));
            batch.Add(Voice(G, talker, null, joinedVoice + (minutes * 60_000L)));

            await writer.WriteAsync(batch, CancellationToken.None);
            await AssertEqualToFreshAsync(store, kept, time);
        }

        // Not a trivial answer: the role's holders in the last window were active, and some members were not holders.
        var query = new AnalyticsQuery(G, Windows[0], AnalyticsQuery.DefaultTop, IncludeBots: false) { RoleId = RoleIds[0] };
        var engagement = await kept.Engagement.RunAsync(query, CancellationToken.None);
        var everyone = await kept.Engagement.RunAsync(query with { RoleId = null }, CancellationToken.None);
        Assert.True(engagement.Daily[^1].Mau > 0 && engagement.Daily[^1].Mau < everyone.Daily[^1].Mau, $"seed {seed}: {engagement.Daily[^1]} of {everyone.Daily[^1]}");
    }

    private static async Task AssertEqualToFreshAsync(TempSqliteStore store, Cards kept, TimeProvider time)
    {
        var fresh = Cards.Over(store, TestMemberDays.Over(store), time);
        foreach (var window in Windows)
        {
            foreach (var (role, bots) in RoleIds.SelectMany(r => new[] { (r, false), (r, true) }))
            {
                var query = new AnalyticsQuery(G, window, AnalyticsQuery.DefaultTop, bots) { RoleId = role };
                Assert.Equal((await fresh.Engagement.RunAsync(query, CancellationToken.None)).Daily, (await kept.Engagement.RunAsync(query, CancellationToken.None)).Daily);
                Assert.Equal(await fresh.Lurkers.RunAsync(query, CancellationToken.None), await kept.Lurkers.RunAsync(query, CancellationToken.None));
                Assert.Equal(
                    JsonSerializer.Serialize(await fresh.Voice.RunAsync(query, [], CancellationToken.None)),
                    JsonSerializer.Serialize(await kept.Voice.RunAsync(query, [], CancellationToken.None)));
                Assert.Equal(await fresh.Totals.RunAsync(query, CancellationToken.None), await kept.Totals.RunAsync(query, CancellationToken.None));
                Assert.Equal((await fresh.Totals.RunPreviousAsync(query, CancellationToken.None)).Totals, (await kept.Totals.RunPreviousAsync(query, CancellationToken.None)).Totals);
            }
        }
    }

    /// <summary>The cards over one set of kept role holders and member days, as the app's singletons share them.</summary>
    private sealed record Cards(EngagementQuery Engagement, LurkersQuery Lurkers, VoiceQuery Voice, TotalsQuery Totals)
    {
        public static Cards Over(TempSqliteStore store, Core.Analytics.MemberDays.MemberDayIndex memberDays, TimeProvider time)
        {
            var holders = new RoleHolders(store);
            return new Cards(
                new EngagementQuery(memberDays, holders),
                new LurkersQuery(store, memberDays, holders),
                new VoiceQuery(store, new VoiceDayIndex(store, NullLogger<VoiceDayIndex>.Instance), time, holders),
                new TotalsQuery(store, TestChannelDays.Over(store), memberDays, time, holders, new HoldersGrowth(store, holders)));
        }
    }

    public sealed class OnSqlite() : RoleFilteredCardsReloadsTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : RoleFilteredCardsReloadsTests(StoreProvider.Postgres);
}
