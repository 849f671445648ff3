using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Mentors;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Loops.OfficeHours;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Core.Storage.Entities;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static DiscordAnalytics.Tests.Analytics.SupportEventStream;

namespace DiscordAnalytics.Tests.Analytics.Mentors;

/// <summary>
/// One mentors query and one office-hours draft kept across reloads (as the app's singletons are) over the help threads,
/// questions, replies and reactions the writer tells its commits: after every batch of a random stream (help threads,
/// replies, late and out-of-order messages, deletes, edits, a forget, reactions added, removed, added again and before
/// their message) their answers equal fresh ones over the same store, and a guild's items are read whole only when first
/// asked and when another writer changed them.
/// </summary>
public abstract class MentorsReloadsTests(StoreProvider provider)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly long NowMs = Now.ToUnixTimeMilliseconds();
    private static readonly int Today = DayBucket.FromUnixMs(NowMs);

    /// <summary>The longest first: the kept items start at its first day and serve every other window (the draft reads 28 days).</summary>
    private static readonly (long StartAt, long EndAt)[] Windows =
    [
        (AnalyticsWindow.Last(30, Today).StartAt, AnalyticsWindow.Last(30, Today).EndAt),
        (AnalyticsWindow.Last(7, Today).StartAt, AnalyticsWindow.Last(7, Today).EndAt),
        (new AnalyticsWindow(WindowKind.Custom, Today - 20, Today - 13).StartAt, new AnalyticsWindow(WindowKind.Custom, Today - 20, Today - 13).EndAt),
        // Not whole days (an activity rule's window): the edge days are summed from their items.
        (NowMs - (9 * 86_400_000L) - 4_321_000, NowMs - (2 * 86_400_000L) + 7_777_000),
    ];

    [Theory]
    [InlineData(81)]
    [InlineData(82)]
    public async Task Rank_KeptAcrossTheWritersBatches_EqualsAFreshQueryAfterEach(int seed)
    {
        var (setup, activity) = MentorsEventStream.WithReactions(seed, NowMs);
        await using var store = await TempSqliteStore.CreateFromTemplateAsync(provider, GuildMode.Live);
        var index = new MentorIndex(NullLogger<MentorIndex>.Instance);
        await using var writer = new IngestionBatchWriter(store.Storage, GuildMode.Live, NullLogger.Instance, support: index);
        await writer.WriteAsync([.. setup], CancellationToken.None);
        Assert.Equal(HelpChannelsUpdate.Saved, await new HelpChannelSettings(store).SetAsync((long)GuildId, [(long)HelpDesk, (long)Forum, (long)General], CancellationToken.None));
        var kept = new MentorsQuery(store, index);
        var draft = new OfficeHoursDraftQuery(store, new FakeTimeProvider(Now), index);
        await AssertEqualToFreshAsync(store, kept, draft);
        foreach (var batch in activity.Take(activity.Count / 2).Chunk(40))
        {
            await writer.WriteAsync(batch, CancellationToken.None);
        }

        await AssertEqualToFreshAsync(store, kept, draft);
        Assert.Equal(1, index.WholeReads);

        // The second half lands on days the kept query holds: live, late and out of order, in small batches.
        foreach (var batch in activity.Skip(activity.Count / 2).Chunk(15))
        {
            await writer.WriteAsync(batch, CancellationToken.None);
            await AssertEqualToFreshAsync(store, kept, draft);
        }

        Assert.Equal(1, index.WholeReads);

        // Not a trivial answer: several candidates, reactions on answers, answers after the first.
        var month = await kept.RankAsync((long)GuildId, Windows[0].StartAt, Windows[0].EndAt, CancellationToken.None);
        Assert.True(month.Count >= 3 && month.Sum(m => m.ReactionsOnAnswers) > 0 && month.Any(m => m.Answers > m.FirstAnswers));
        Assert.NotNull((await draft.DraftAsync((long)GuildId, CancellationToken.None))?.Weekday);

        // Another writer, which tells nothing: its reaction is found by the stored version, and the items are read again.
        var answer = activity.Last(e => e.Type == IngestEventType.MessageCreate && e.ChannelId == HelpDesk);
        await using var other = new IngestionBatchWriter(store.Storage, GuildMode.Live, NullLogger.Instance);
        await other.WriteAsync([TestEvents.Reaction(GuildId, HelpDesk, answer.MessageId!.Value, Moderator, NowMs - 60_000, "🎉")], CancellationToken.None);
        await AssertEqualToFreshAsync(store, kept, draft);
        Assert.Equal(2, index.WholeReads);
    }

    /// <summary>Every window: the kept query's ranking and listed candidates equal a new query's (with items of its own); the kept draft equals a new one.</summary>
    private static async Task AssertEqualToFreshAsync(TempSqliteStore store, MentorsQuery kept, OfficeHoursDraftQuery draft)
    {
        foreach (var (startAt, endAt) in Windows)
        {
            var fresh = await new MentorsQuery(store).RankAsync((long)GuildId, startAt, endAt, CancellationToken.None);
            Assert.Equal(fresh, await kept.RankAsync((long)GuildId, startAt, endAt, CancellationToken.None));
        }

        // The listed few (the card's and the summary's), taken from the kept ranking.
        foreach (var days in (int[])[30, 7])
        {
            var query = new AnalyticsQuery(GuildId, AnalyticsWindow.Last(days, Today), AnalyticsQuery.DefaultTop, IncludeBots: false);
            Assert.Equal(await new MentorsQuery(store).RunAsync(query, CancellationToken.None), await kept.RunAsync(query, CancellationToken.None));
        }

        var freshDraft = await new OfficeHoursDraftQuery(store, new FakeTimeProvider(Now)).DraftAsync((long)GuildId, CancellationToken.None);
        Assert.Equal(freshDraft, await draft.DraftAsync((long)GuildId, CancellationToken.None));
    }

    public sealed class OnSqlite() : MentorsReloadsTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : MentorsReloadsTests(StoreProvider.Postgres);
}
