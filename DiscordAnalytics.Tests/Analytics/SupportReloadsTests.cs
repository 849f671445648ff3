using System.Text.Json;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.SupportItems;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Analytics.SupportEventStream;
using static DiscordAnalytics.Tests.Analytics.SupportMarksStream;

namespace DiscordAnalytics.Tests.Analytics;

/// <summary>
/// One support signals query kept across reloads (as the app's singleton is) over help threads and questions the writer
/// tells its commits: after every batch of a random stream (help threads and forum posts, replies, late and out-of-order
/// messages, deletes, edits, a forget, role mentions, thread archives, locks and tags) its answer equals a fresh query's
/// over the same store, and it reads a guild's items whole only when first asked and when another writer changed them.
/// </summary>
public abstract class SupportReloadsTests(StoreProvider provider)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly long NowMs = Now.ToUnixTimeMilliseconds();
    private static readonly int Today = DayBucket.FromUnixMs(NowMs);

    /// <summary>Shorter than the 24 h default, so the stream's gaps make ask-agains of both kinds.</summary>
    private static readonly SupportOptions Escalation = new() { EscalationHours = 6 };

    /// <summary>The longest first: the kept items start at its first day and serve every other window.</summary>
    private static readonly AnalyticsWindow[] Windows =
        [AnalyticsWindow.Last(30, Today), AnalyticsWindow.Last(7, Today), new(WindowKind.Custom, Today - 20, Today - 13), new(WindowKind.Custom, Today - 3, Today - 2)];

    [Theory]
    [InlineData(71)]
    [InlineData(72)]
    public async Task Run_KeptAcrossTheWritersBatches_EqualsAFreshQueryAfterEach(int seed)
    {
        var (setup, activity) = SupportMarksStream.Generate(seed, NowMs, days: 30);
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        var index = new SupportItemIndex(NullLogger<SupportItemIndex>.Instance);
        await using var writer = new IngestionBatchWriter(store.Storage, GuildMode.Live, NullLogger.Instance, support: index);
        await writer.WriteAsync([.. setup], CancellationToken.None);
        Assert.Equal(HelpChannelsUpdate.Saved, await new HelpChannelSettings(store).SetAsync((long)GuildId, [(long)HelpDesk, (long)Forum, (long)General], CancellationToken.None));
        Assert.Equal(EscalationRolesUpdate.Saved, await new EscalationRoleSettings(store).SetAsync((long)GuildId, [(long)ModRole], CancellationToken.None));
        var kept = Query(store, index);
        foreach (var batch in activity.Take(activity.Count / 2).Chunk(40))
        {
            await writer.WriteAsync(batch, CancellationToken.None);
        }

        await AssertEqualToFreshAsync(store, kept);
        Assert.Equal(2, index.WholeReads);

        // The second half lands on days the kept query holds: live, late and out of order, in small batches.
        foreach (var batch in activity.Skip(activity.Count / 2).Chunk(15))
        {
            await writer.WriteAsync(batch, CancellationToken.None);
            await AssertEqualToFreshAsync(store, kept);
        }

        Assert.Equal(2, index.WholeReads);

        // Not a trivial answer: the whole window has answered and unanswered threads, resolutions and escalations.
        var whole = await RunAsync(kept, Windows[0], bots: false);
        Assert.True(whole.UnansweredThreads > 0 && whole.MedianThreadFirstResponseMinutes is not null && whole.MedianMessageFirstResponseMinutes is not null);
        Assert.True(whole.ResolvedShare is > 0 and < 1 && whole.Escalations.Count > 0);

        // Another writer, which tells nothing: its reply is found by the stored version, and the items are read again.
        await using var other = new IngestionBatchWriter(store.Storage, GuildMode.Live, NullLogger.Instance);
        await other.WriteAsync([TestEvents.Message(GuildId, HelpDesk, Humans[0], NowMs - 60_000, 9_999)], CancellationToken.None);
        await AssertEqualToFreshAsync(store, kept);
        Assert.Equal(4, index.WholeReads);
    }

    /// <summary>Every window, with and without bots: the kept query's answer equals a new query's (with items of its own), field by field.</summary>
    private static async Task AssertEqualToFreshAsync(TempSqliteStore store, SupportSignalsQuery kept)
    {
        foreach (var window in Windows)
        {
            foreach (var bots in new[] { false, true })
            {
                var fresh = await RunAsync(Query(store, new SupportItemIndex(NullLogger<SupportItemIndex>.Instance)), window, bots);
                var actual = await RunAsync(kept, window, bots);
                Assert.Equal(JsonSerializer.Serialize(fresh), JsonSerializer.Serialize(actual));
            }
        }
    }

    private static SupportSignalsQuery Query(TempSqliteStore store, SupportItemIndex index)
    {
        var time = new FakeTimeProvider(Now);
        return new SupportSignalsQuery(store, time, new KeywordDayCache(store, time), Options.Create(Escalation), index);
    }

    private static Task<SupportSignals> RunAsync(SupportSignalsQuery query, AnalyticsWindow window, bool bots) =>
        query.RunAsync(new AnalyticsQuery(GuildId, window, 10, bots), CancellationToken.None);

    public sealed class OnSqlite() : SupportReloadsTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : SupportReloadsTests(StoreProvider.Postgres);
}
