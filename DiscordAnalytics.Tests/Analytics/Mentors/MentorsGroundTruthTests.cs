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
        var (setup, activity) = WithReactions(seed);
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
        var (setup, activity) = WithReactions(33);
        await _store.WriteAsync([.. setup]);
        await _store.WriteInBatchesAsync(activity, batchSize: 200);
        Assert.Equal(HelpChannelsUpdate.Saved, await new HelpChannelSettings(_store).SetAsync((long)GuildId, [], CancellationToken.None));

        var window = AnalyticsWindow.Last(30, DayBucket.FromUnixMs(NowMs));
        Assert.Empty(await new MentorsQuery(_store).RankAsync((long)GuildId, window.StartAt, window.EndAt, CancellationToken.None));
    }

    /// <summary>The support stream with reactions on a third of its messages, shuffled into it (some late, some twice).</summary>
    private static (List<IngestEvent> Setup, List<IngestEvent> Activity) WithReactions(int seed)
    {
        var (setup, activity, _) = Generate(seed, NowMs, days: 30);
        var random = new Random(seed);
        var reactors = Humans.Append(Moderator).Append(Bot).ToArray();
        var reactions = new List<IngestEvent>();
        foreach (var message in activity.Where(e => e.Type == IngestEventType.MessageCreate).DistinctBy(e => e.MessageId).Where(_ => random.NextDouble() < 0.35).ToList())
        {
            for (var i = random.Next(1, 4); i > 0; i--)
            {
                var reactor = reactors[random.Next(reactors.Length)];
                var at = message.EventAt + random.Next(1, 3_600_000);
                var add = TestEvents.Reaction(GuildId, message.ChannelId!.Value, message.MessageId!.Value, reactor, at, i % 2 == 0 ? "👍" : "✅") with { IsBot = reactor == Bot };
                reactions.Add(add);
                if (random.NextDouble() < 0.2)
                {
                    reactions.Add(add with { Type = IngestEventType.ReactionRemove, EventAt = at + 60_000 });
                    if (random.NextDouble() < 0.5)
                    {
                        reactions.Add(add with { EventAt = at + 120_000 });
                    }
                }
            }
        }

        reactions.AddRange(reactions.Where(_ => random.NextDouble() < 0.1).ToList());
        var mixed = new List<IngestEvent>(activity);
        foreach (var reaction in reactions)
        {
            // Mostly after their message's place, sometimes anywhere (before the message, or at the very end).
            var after = mixed.FindIndex(e => e.MessageId == reaction.MessageId && e.Type == IngestEventType.MessageCreate);
            var from = random.NextDouble() < 0.15 ? 0 : Math.Max(after + 1, 0);
            mixed.Insert(random.Next(from, mixed.Count + 1), reaction);
        }

        return (setup, mixed);
    }

    public sealed class OnSqlite() : MentorsGroundTruthTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : MentorsGroundTruthTests(StoreProvider.Postgres);
}
