using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Demo;
using DiscordAnalytics.Core.Demo.Large;
using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Tests.Demo.Large;

/// <summary>
/// The large community's shape on a scaled-down size (the full size has the same shares): the events every card
/// needs, skewed members and channels, churn, threads in forums, time order, and the same stream for the same seed.
/// </summary>
public sealed class LargeCommunityTests
{
    /// <summary>A hundredth of the full size: 2,000 members, 200 active a day, 60 channels, ~1,400 events a day.</summary>
    public static readonly LargeCommunityScale Tiny = new(Members: 2_000, DailyActiveMembers: 200, Channels: 60, EventsPerYear: 500_000);

    private const long Start = 1_735_689_600_000; // 2025-01-01, a Wednesday
    private const int Days = 7;

    private static readonly Lazy<List<IngestEvent>> Week = new(() => [.. new LargeCommunity(18, Tiny).Activity(Start, Days)]);

    [Fact]
    public void Activity_Week_HasEveryKindOfEventTheCardsRead()
    {
        var kinds = Week.Value.GroupBy(e => e.Type).ToDictionary(g => g.Key, g => g.Count());

        foreach (var kind in new[]
        {
            IngestEventType.MessageCreate, IngestEventType.MessageUpdate, IngestEventType.MessageDelete, IngestEventType.ReactionAdd,
            IngestEventType.ReactionRemove, IngestEventType.ThreadCreate, IngestEventType.MemberAdd, IngestEventType.MemberRemove,
        })
        {
            Assert.True(kinds.GetValueOrDefault(kind) > 0, $"no {kind}");
        }

        // Shares of the generated mix: messages over half, reactions over a quarter, removes a churn of ~15% of adds.
        var total = (double)Week.Value.Count;
        Assert.InRange(kinds[IngestEventType.MessageCreate] / total, 0.50, 0.68);
        Assert.InRange(kinds[IngestEventType.ReactionAdd] / total, 0.22, 0.34);
        Assert.InRange(kinds[IngestEventType.ReactionRemove] / (double)kinds[IngestEventType.ReactionAdd], 0.08, 0.25);
        Assert.Contains(Week.Value, e => e.ReferencedMessageId is not null);
        Assert.Contains(Week.Value, e => e is { Type: IngestEventType.MessageCreate, IsBot: true });
    }

    [Fact]
    public void Activity_Week_HasAboutTheScalesEventsAndActiveMembersPerDay()
    {
        var days = Week.Value.GroupBy(e => e.EventAt / DemoRhythm.DayMs).ToList();

        Assert.Equal(Days, days.Count);
        Assert.InRange(Week.Value.Count / (double)Days, Tiny.EventsPerDay * 0.8, Tiny.EventsPerDay * 1.2);
        var activePerDay = days.Average(d => d.Where(e => e.Type is IngestEventType.MessageCreate or IngestEventType.ReactionAdd && !e.IsBot)
            .Select(e => e.UserId).Distinct().Count());
        Assert.InRange(activePerDay, Tiny.DailyActiveMembers * 0.7, Tiny.DailyActiveMembers * 1.3);
    }

    [Fact]
    public void Activity_Week_AFewMembersAndChannelsCarryMostMessages()
    {
        var messages = Week.Value.Where(e => e is { Type: IngestEventType.MessageCreate, IsBot: false }).ToList();

        Assert.True(TopShare(messages.GroupBy(e => e.UserId).Select(g => g.Count()), 0.10) > 0.5, "top 10% of posters carry under half the messages");
        var community = new LargeCommunity(18, Tiny);
        var chat = community.Channels.Where(c => c.Type == ChannelTypes.Text).Select(c => c.Id).ToHashSet();
        var perChannel = messages.Where(e => chat.Contains(e.ChannelId!.Value)).GroupBy(e => e.ChannelId).Select(g => g.Count()).ToList();
        Assert.True(TopShare(perChannel, 0.10) > 0.5, "top 10% of channels carry under half the messages");
    }

    [Fact]
    public void Activity_Week_HelpThreadsLiveInForumsAndStartWithTheirOwnId()
    {
        var community = new LargeCommunity(18, Tiny);
        var forums = community.Channels.Where(c => c.Type == ChannelTypes.Forum).Select(c => c.Id).ToHashSet();
        var threads = Week.Value.Where(e => e.Type == IngestEventType.ThreadCreate).ToList();
        var forumThreads = threads.Where(t => forums.Contains(t.ParentId!.Value)).ToList();

        Assert.NotEmpty(forumThreads);
        Assert.Contains(threads, t => !forums.Contains(t.ParentId!.Value));
        var messagesById = Week.Value.Where(e => e.Type == IngestEventType.MessageCreate).ToDictionary(e => e.MessageId!.Value);
        // A forum post's starter message has the thread's id and sits in the thread; most get an answer by someone else.
        Assert.All(forumThreads, t => Assert.Equal(t.ChannelId, messagesById[t.ChannelId!.Value].ChannelId));
        var answered = forumThreads.Count(t => Week.Value.Any(e => e.Type == IngestEventType.MessageCreate && e.ChannelId == t.ChannelId && e.UserId != t.UserId));
        Assert.InRange(answered / (double)forumThreads.Count, 0.6, 0.95);
        Assert.Contains(community.Channels, c => c.Type == ChannelTypes.Text && c.IsHelpText);
    }

    [Fact]
    public void Activity_Week_IsInTimeOrderWithUniqueMessageIdsAndFollowUpsAfterTheirMessage()
    {
        var created = new Dictionary<ulong, long>();
        long previous = 0;
        foreach (var e in Week.Value)
        {
            Assert.True(e.EventAt >= previous, "out of time order");
            Assert.Null(e.Validate());
            previous = e.EventAt;
            if (e.Type == IngestEventType.MessageCreate)
            {
                Assert.True(created.TryAdd(e.MessageId!.Value, e.EventAt), "message id repeated");
                Assert.Equal(e.EventAt, Snowflake.ToUnixMs(e.MessageId!.Value));
            }
            else if (e.Type is IngestEventType.ReactionAdd or IngestEventType.MessageUpdate or IngestEventType.MessageDelete)
            {
                Assert.True(created.TryGetValue(e.MessageId!.Value, out var at) && at <= e.EventAt, $"{e.Type} before its message");
            }
        }
    }

    [Fact]
    public void Activity_SameSeedAndScale_IsTheSameStream_AnotherSeedIsNot()
    {
        static string Fingerprint(IEnumerable<IngestEvent> events) =>
            string.Join('\n', events.Select(e => $"{e.Type} {e.EventAt} {e.EventId} {e.ChannelId} {e.UserId} {e.Excerpt}"));

        var again = Fingerprint(new LargeCommunity(18, Tiny).Activity(Start, Days));

        Assert.Equal(Fingerprint(Week.Value), again);
        Assert.NotEqual(again, Fingerprint(new LargeCommunity(19, Tiny).Activity(Start, Days)));
    }

    [Fact]
    public void Metadata_NamesTheGuildEveryChannelAndEveryFoundingMember()
    {
        var community = new LargeCommunity(18, Tiny);

        var metadata = community.Metadata(Start).ToList();

        Assert.Equal(IngestEventType.GuildUpsert, metadata[0].Type);
        Assert.Equal(Tiny.Channels, metadata.Count(e => e.Type == IngestEventType.ChannelUpsert));
        Assert.Equal(Tiny.Members, metadata.Count(e => e is { Type: IngestEventType.MemberUpsert, IsBot: false }));
        Assert.Contains(community.Channels, c => c.Type == ChannelTypes.Forum);
    }

    [Theory]
    [InlineData(10, 5, 60, 500_000, "at least 50 members")]
    [InlineData(2_000, 1_500, 60, 500_000, "daily active members")]
    [InlineData(2_000, 200, 60, 500_000_000, "at most 400,000 events a day")]
    public void Create_ImpossibleScale_IsRefusedSayingWhy(int members, int daily, int channels, long perYear, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => new LargeCommunity(18, new LargeCommunityScale(members, daily, channels, perYear)));

        Assert.Contains(expected, error.Message);
    }

    private static double TopShare(IEnumerable<int> counts, double top)
    {
        var sorted = counts.OrderDescending().ToList();
        return sorted.Take(Math.Max(1, (int)(sorted.Count * top))).Sum() / (double)sorted.Sum();
    }
}
