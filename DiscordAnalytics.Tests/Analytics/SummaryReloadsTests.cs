using System.Text.Json;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Demo;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using DiscordAnalytics.Tests.WarmUp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DiscordAnalytics.Tests.Analytics;

/// <summary>
/// The summary kept across writes equals a fresh one: every part it runs keeps figures between calls (day indexes, kept
/// windows, kept join days), so a reload after a write of any kind (messages, reactions, joins and leaves, voice, role
/// changes, late events into a closed day) must still see every day that moved. The writes come from another writer
/// than the app services' own (the test store's), so only the stored versions tell the kept days.
/// </summary>
public abstract class SummaryReloadsTests(StoreProvider provider)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task KeptSummary_AfterWritesOfEachKind_EqualsAFreshOne()
    {
        var demo = DemoCommunity.Create(seed: 31);
        var now = Now.ToUnixTimeMilliseconds();
        var today = DayBucket.FromUnixMs(now);
        var history = demo.History(DayBucket.StartMs(today - 4), now).ToList();
        // A tenth of a closed day's events held back: they arrive last, late, into a day the kept summary has read.
        var lateDay = today - 2;
        var late = history.Where((e, i) => DayBucket.FromUnixMs(e.EventAt) == lateDay && e.Type != IngestEventType.GuildUpsert && i % 10 == 0).ToList();
        var lateSet = late.ToHashSet();
        var before = history.Where(e => !lateSet.Contains(e) && e.EventAt < DayBucket.StartMs(today)).ToList();
        var todays = history.Where(e => !lateSet.Contains(e) && e.EventAt >= DayBucket.StartMs(today)).ToList();
        IngestEventType[][] kinds =
        [
            [IngestEventType.MessageCreate, IngestEventType.MessageUpdate, IngestEventType.MessageDelete, IngestEventType.ThreadCreate, IngestEventType.ChannelUpsert],
            [IngestEventType.ReactionAdd, IngestEventType.ReactionRemove, IngestEventType.ReactionRemoveAll, IngestEventType.ReactionRemoveEmoji],
            [IngestEventType.MemberAdd, IngestEventType.MemberRemove, IngestEventType.JoinAttributed, IngestEventType.InviteUpsert],
            [IngestEventType.VoiceState],
            [IngestEventType.RoleUpsert, IngestEventType.MemberUpsert],
        ];
        var batches = kinds.Select(kind => todays.Where(e => kind.Contains(e.Type)).ToList()).ToList();
        var other = todays.Where(e => !kinds.Any(k => k.Contains(e.Type))).ToList();
        batches.Add([.. other, .. late]);
        Assert.All(batches.Take(4), b => Assert.NotEmpty(b));
        Assert.NotEmpty(late);

        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        await store.WriteInBatchesAsync(before, 500);
        var time = new FakeTimeProvider(Now);
        await using var kept = WarmUpServices.Over(store.Storage, time);
        AnalyticsQuery[] queries =
        [
            new(demo.GuildId, AnalyticsWindow.Last(7, today), AnalyticsQuery.DefaultTop, IncludeBots: false),
            new(demo.GuildId, AnalyticsWindow.Last(3, today - 1), AnalyticsQuery.DefaultTop, IncludeBots: true),
        ];
        foreach (var query in queries)
        {
            await SummaryAsync(kept, query);
        }

        foreach (var batch in batches)
        {
            await store.WriteInBatchesAsync(batch, 200);
            await using var fresh = WarmUpServices.Over(store.Storage, time);
            foreach (var query in queries)
            {
                Assert.Equal(await SummaryAsync(fresh, query), await SummaryAsync(kept, query));
            }
        }
    }

    private static async Task<string> SummaryAsync(IServiceProvider services, AnalyticsQuery query) =>
        JsonSerializer.Serialize(await services.GetRequiredService<SummaryQuery>().RunAsync(query, CancellationToken.None));

    public sealed class OnSqlite() : SummaryReloadsTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : SummaryReloadsTests(StoreProvider.Postgres);
}
