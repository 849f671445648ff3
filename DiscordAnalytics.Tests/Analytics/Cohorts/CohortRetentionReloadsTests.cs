using System.Text.Json;
using DiscordAnalytics.Core.Analytics.Cohorts;
using DiscordAnalytics.Core.Analytics.MemberDays;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Tests.Ingestion;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Infrastructure.TestEvents;

namespace DiscordAnalytics.Tests.Analytics.Cohorts;

/// <summary>
/// Join-cohort retention kept across reloads, as the app's singleton is: over member days the writer tells its commits,
/// one query equals a fresh one after every batch of a random stream (joins, leaves, late and out-of-order messages and
/// reactions, deletes, forgets) with the clock moving; and a message, a late message, a reaction and a delete by cohort
/// members are followed through the days' flips, without counting every member's weeks or reading the joins again.
/// </summary>
public abstract class CohortRetentionReloadsTests(StoreProvider provider)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(51)]
    [InlineData(52)]
    public async Task Run_KeptAcrossTheWritersBatches_EqualsAFreshQueryAfterEach(int seed)
    {
        var events = RandomEventStream.Generate(seed, activity: 3_000, endAt: Now.ToUnixTimeMilliseconds(), days: 100);
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        var (memberDays, time) = (TestMemberDays.Over(store), new FakeTimeProvider(Now));
        await using var writer = new IngestionBatchWriter(store.Storage, GuildMode.Live, NullLogger.Instance, memberDays: memberDays);
        var kept = new CohortRetentionQuery(store, memberDays, time);
        foreach (var batch in events.Take(events.Count / 2).Chunk(300))
        {
            await writer.WriteAsync(batch, CancellationToken.None);
        }

        await AssertEqualToFreshAsync(store, kept, time);
        var batches = events.Skip(events.Count / 2).Chunk(250).ToList();
        for (var i = 0; i < batches.Count; i++)
        {
            IngestEvent[] forget = i is 2 or 5 ? [Forget(RandomEventStream.GuildId, 5_000UL + (ulong)(3 * i), Now.ToUnixTimeMilliseconds() - 1_000 + i)] : [];
            await writer.WriteAsync([.. batches[i], .. forget], CancellationToken.None);
            time.Advance(TimeSpan.FromMinutes(7));
            await AssertEqualToFreshAsync(store, kept, time);
        }

        // Not a trivial answer.
        var table = (await kept.RunAsync(RandomEventStream.GuildId, 12, includeBots: false, CancellationToken.None))!;
        Assert.Contains(table.Cohorts, c => c.Weeks.Any(w => w.Active > 0));
    }

    [Fact]
    public async Task Run_CohortMembersPostReactAndDelete_FollowedThroughFlipsWithoutCountingAgain()
    {
        const ulong g = 8_500, general = 8_501, ada = 8_511, bo = 8_512, cy = 8_513;
        var now = Now.ToUnixTimeMilliseconds();
        long DaysAgo(int days) => now - (days * 86_400_000L);
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        var (memberDays, time) = (TestMemberDays.Over(store), new FakeTimeProvider(Now));
        await using var writer = new IngestionBatchWriter(store.Storage, GuildMode.Live, NullLogger.Instance, memberDays: memberDays);
        var kept = new CohortRetentionQuery(store, memberDays, time);
        await writer.WriteAsync(
            [Guild(g, "cohorts", DaysAgo(120)), Channel(g, general, "general", DaysAgo(120)),
             Join(g, ada, "ada", DaysAgo(40)), Join(g, bo, "bo", DaysAgo(38)), Join(g, cy, "cy", DaysAgo(20)),
             Message(g, general, ada, DaysAgo(30), 1)],
            CancellationToken.None);
        await RunAsync(kept, g);
        var (joinReads, counts) = (kept.JoinReads, kept.WeekCounts);

        async Task<RetentionTable> AfterAsync(IngestEvent e)
        {
            await writer.WriteAsync([e], CancellationToken.None);
            var fresh = await RunAsync(new CohortRetentionQuery(store, TestMemberDays.Over(store), time), g);
            var answer = await RunAsync(kept, g);
            Assert.Equal(JsonSerializer.Serialize(fresh), JsonSerializer.Serialize(answer));
            return answer;
        }

        static long Active(RetentionTable t) => t.Cohorts.Sum(c => c.Weeks.Sum(w => w.Active));

        // bo posts today, and again; cy posts late, ten days back; ada reacts to it; cy's message is deleted.
        Assert.Equal(2, Active(await AfterAsync(Message(g, general, bo, now - 60_000, 2))));
        Assert.Equal(2, Active(await AfterAsync(Message(g, general, bo, now - 50_000, 3))));
        Assert.Equal(3, Active(await AfterAsync(Message(g, general, cy, DaysAgo(10), 4))));
        Assert.Equal(4, Active(await AfterAsync(Reaction(g, general, MessageId(DaysAgo(10), 4), ada, now - 40_000))));
        Assert.InRange(Active(await AfterAsync(Delete(g, general, MessageId(DaysAgo(10), 4), now - 30_000))), 2, 3);
        Assert.Equal((joinReads, counts), (kept.JoinReads, kept.WeekCounts));

        // A join reads the cohorts' members again.
        await AfterAsync(Join(g, 8_514, "dee", DaysAgo(15)));
        Assert.Equal(joinReads + 1, kept.JoinReads);
    }

    private static async Task AssertEqualToFreshAsync(TempSqliteStore store, CohortRetentionQuery kept, TimeProvider time)
    {
        foreach (var (weeks, bots) in new[] { (12, false), (12, true), (4, false) })
        {
            var fresh = await new CohortRetentionQuery(store, TestMemberDays.Over(store), time).RunAsync(RandomEventStream.GuildId, weeks, bots, CancellationToken.None);
            var answer = await kept.RunAsync(RandomEventStream.GuildId, weeks, bots, CancellationToken.None);
            Assert.Equal(JsonSerializer.Serialize(fresh), JsonSerializer.Serialize(answer));
        }
    }

    private static async Task<RetentionTable> RunAsync(CohortRetentionQuery query, ulong guild) =>
        (await query.RunAsync(guild, 12, includeBots: false, CancellationToken.None))!;

    public sealed class OnSqlite() : CohortRetentionReloadsTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : CohortRetentionReloadsTests(StoreProvider.Postgres);
}
