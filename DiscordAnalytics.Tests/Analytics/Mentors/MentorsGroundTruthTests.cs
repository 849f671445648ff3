using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Analytics.Mentors;
using DiscordAnalytics.Core.Ingestion;
using DiscordAnalytics.Core.Privacy;
using DiscordAnalytics.Core.Storage;
using DiscordAnalytics.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DiscordAnalytics.Tests.Analytics.SupportEventStream;

namespace DiscordAnalytics.Tests.Analytics.Mentors;

/// <summary>
/// Mentor candidates read from the store equal a brute-force reading of the same random support stream
/// (<see cref="SupportGroundTruth"/>) with reactions added on its messages: reactions by the author themself, by the bot,
/// removed and added again, duplicated, delivered late and before their message, through the real writer into a real
/// store, in small batches so late events change the past on their own.
/// </summary>
public abstract class MentorsGroundTruthTests(StoreProvider provider) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly long NowMs = Now.ToUnixTimeMilliseconds();
    private TempSqliteStore _store = null!;

    public async Task InitializeAsync() => _store = await TempSqliteStore.CreateFromTemplateAsync(provider);

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    public async Task Rank_RandomStreamWithReactions_EqualsBruteForceOfTheSameEvents(int seed)
    {
        var (setup, activity) = MentorsEventStream.WithReactions(seed, NowMs);
        await _store.WriteAsync([.. setup]);
        await _store.WriteInBatchesAsync(activity, batchSize: 5);
        Assert.Equal(HelpChannelsUpdate.Saved, await new HelpChannelSettings(_store).SetAsync((long)GuildId, [(long)HelpDesk, (long)Forum], CancellationToken.None));
        var truth = new SupportGroundTruth([.. setup, .. activity]);
        var query = new MentorsQuery(_store);

        var today = DayBucket.FromUnixMs(NowMs);
        foreach (var days in new[] { 7, 30 })
        {
            var window = AnalyticsWindow.Last(days, today);
            var expected = truth.Mentors([HelpDesk, Forum], window.StartAt, window.EndAt);
            var actual = await query.RankAsync((long)GuildId, window.StartAt, window.EndAt, CancellationToken.None);
            Assert.Equal(expected, actual);
            Assert.True(days < 30 || (expected.Count >= 3 && expected.Sum(m => m.ReactionsOnAnswers) > 0 && expected.Any(m => m.Answers > m.FirstAnswers)), "the stream should give several candidates, reactions and later answers");
        }

        // A hidden member is ranked (the activity roles act on them) but never listed; names come with the listed.
        var month = AnalyticsWindow.Last(30, today);
        var ranked = truth.Mentors([HelpDesk, Forum], month.StartAt, month.EndAt);
        var hidden = ranked[0].User;
        await using (var db = _store.NewContext())
        {
            db.MemberPrivacy.Add(new MemberPrivacy { GuildId = (long)GuildId, UserId = hidden, Choice = MemberPrivacyChoice.Hidden, SetAt = NowMs });
            await db.SaveChangesAsync();
        }

        var listed = await query.RunAsync(new AnalyticsQuery(GuildId, month, 10, IncludeBots: false), CancellationToken.None);
        Assert.Equal(
            ranked.Where(m => m.User != hidden).Take(MentorsQuery.MaxListed).Select(m => ($"{m.User}", $"m{m.User}", m.FirstAnswers, m.Answers, m.ReactionsOnAnswers)),
            listed.Select(m => (m.UserId, m.Name, m.FirstAnswers, m.Answers, m.ReactionsOnAnswers)));
    }

    [Fact]
    public async Task Rank_NoHelpChannelThreadsOrQuestions_IsEmpty()
    {
        var (setup, activity) = MentorsEventStream.WithReactions(33, NowMs);
        await _store.WriteAsync([.. setup]);
        await _store.WriteInBatchesAsync(activity, batchSize: 200);
        Assert.Equal(HelpChannelsUpdate.Saved, await new HelpChannelSettings(_store).SetAsync((long)GuildId, [], CancellationToken.None));

        var window = AnalyticsWindow.Last(30, DayBucket.FromUnixMs(NowMs));
        Assert.Empty(await new MentorsQuery(_store).RankAsync((long)GuildId, window.StartAt, window.EndAt, CancellationToken.None));
    }

    public sealed class OnSqlite() : MentorsGroundTruthTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : MentorsGroundTruthTests(StoreProvider.Postgres);
}
