using DiscordAnalytics.Core.Demo;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Tests.Demo;

public sealed class DemoHistoryTests(DemoHistoryFixture fixture) : IClassFixture<DemoHistoryFixture>
{
    private static readonly string[] SupportKeywords = ["refund", "login", "error", "deploy", "timeout"];

    private IReadOnlyList<IngestEvent> Events => fixture.Events;

    private IReadOnlyList<IngestEvent> Messages => fixture.Messages;

    [Fact]
    public void History_Edits_DoNotAllAddTheSameWords()
    {
        // Words an edit adds reach the common keywords: a note shared by every edit made them the demo's top terms.
        var created = Messages.ToDictionary(m => m.MessageId!.Value, m => m.Excerpt ?? string.Empty);
        var edits = Events.Where(e => e.Type == IngestEventType.MessageUpdate && e.Excerpt is not null && created.ContainsKey(e.MessageId!.Value)).ToList();
        Assert.True(edits.Count >= 50, $"only {edits.Count} edits");

        var added = edits
            .SelectMany(e => Terms(e.Excerpt!).Except(Terms(created[e.MessageId!.Value])))
            .CountBy(term => term)
            .MaxBy(x => x.Value);

        Assert.True(added.Value <= edits.Count / 4, $"'{added.Key}' is added by {added.Value} of {edits.Count} edits");
    }

    private static IEnumerable<string> Terms(string text) => Core.Analytics.Keywords.Top([text], 100).Select(k => k.Keyword);

    [Fact]
    public void History_SameSeedAndRange_IdenticalEvents()
    {
        var from = DemoHistoryFixture.To - 2 * DemoRhythm.DayMs;

        var first = DemoCommunity.Create(7).History(from, DemoHistoryFixture.To).ToList();
        var second = DemoCommunity.Create(7).History(from, DemoHistoryFixture.To).ToList();

        Assert.Equal(first, second);
    }

    [Fact]
    public void History_DifferentSeed_DifferentEvents()
    {
        var from = DemoHistoryFixture.To - DemoRhythm.DayMs;

        var first = DemoCommunity.Create(7).History(from, DemoHistoryFixture.To).ToList();
        var second = DemoCommunity.Create(8).History(from, DemoHistoryFixture.To).ToList();

        Assert.NotEqual(first.Select(e => e.EventId), second.Select(e => e.EventId));
    }

    [Fact]
    public void Activity_OverlappingRanges_IdenticalEventsOnTheOverlap()
    {
        var community = DemoCommunity.Create(42);
        var start = DemoHistoryFixture.To - 4 * DemoRhythm.DayMs;
        var overlapFrom = start + 36 * DemoRhythm.HourMs;
        var overlapTo = start + 3 * DemoRhythm.DayMs;

        var earlier = community.Activity(start, overlapTo).Where(e => e.EventAt >= overlapFrom).ToList();
        var later = community.Activity(overlapFrom, start + 4 * DemoRhythm.DayMs).Where(e => e.EventAt < overlapTo).ToList();

        Assert.NotEmpty(earlier);
        Assert.Equal(earlier, later);
    }

    [Fact]
    public void History_EveryEvent_Validates()
    {
        Assert.All(Events, e => Assert.Null(e.Validate()));
        Assert.All(Events, e => Assert.Equal(fixture.Community.GuildId, e.GuildId));
    }

    [Fact]
    public void History_MessageIds_AreUniqueSnowflakesOfTheirEventTime()
    {
        Assert.All(Messages, m => Assert.Equal(m.EventAt, Snowflake.ToUnixMs(m.MessageId!.Value)));
        Assert.Equal(Messages.Count, Messages.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public void History_Events_AreInTimeOrderWithinTheRange()
    {
        for (var i = 1; i < Events.Count; i++)
        {
            Assert.True(Events[i - 1].EventAt <= Events[i].EventAt, $"event {i} goes back in time");
        }

        Assert.All(Events, e => Assert.InRange(e.EventAt, DemoHistoryFixture.From, DemoHistoryFixture.To - 1));
    }

    [Fact]
    public void History_Metadata_ComesFirstAndNamesEveryAuthorAndChannel()
    {
        var firstActivity = Events.ToList().FindIndex(e => e.Type is not (IngestEventType.GuildUpsert or IngestEventType.ChannelUpsert or IngestEventType.RoleUpsert or IngestEventType.MemberUpsert or IngestEventType.RoleSnapshot));
        var metadata = Events.Take(firstActivity).ToList();
        Assert.Equal(IngestEventType.GuildUpsert, metadata[0].Type);
        Assert.Equal(fixture.Community.Channels.Count, metadata.Count(e => e.Type == IngestEventType.ChannelUpsert));
        Assert.True(metadata.Count(e => e.Type == IngestEventType.MemberUpsert) >= fixture.Community.Members.Count);

        var named = new HashSet<ulong>();
        var channels = new HashSet<ulong>();
        foreach (var e in Events)
        {
            switch (e.Type)
            {
                case IngestEventType.MemberUpsert:
                    Assert.False(string.IsNullOrEmpty(e.Name));
                    named.Add(e.UserId!.Value);
                    break;
                case IngestEventType.ChannelUpsert or IngestEventType.ThreadCreate:
                    channels.Add(e.ChannelId!.Value);
                    break;
                case IngestEventType.MessageCreate:
                    Assert.Contains(e.UserId!.Value, named);
                    Assert.Contains(e.ChannelId!.Value, channels);
                    break;
            }
        }
    }

    [Fact]
    public void History_Members_TopTenPercentSendMoreThanHalfTheMessages()
    {
        var humanMessages = Messages.Where(m => !m.IsBot).ToList();
        var perMember = humanMessages.GroupBy(m => m.UserId).Select(g => g.Count()).OrderByDescending(c => c).ToList();
        var topTenPercent = fixture.Community.Members.Count(m => !m.IsBot) / 10;

        Assert.True(perMember.Take(topTenPercent).Sum() > humanMessages.Count / 2);
    }

    [Fact]
    public void History_Channels_PopularityIsLongTailed()
    {
        var perChannel = Messages.GroupBy(m => m.ChannelId).Select(g => g.Count()).OrderByDescending(c => c).ToList();

        Assert.True(perChannel[0] > 5 * perChannel[perChannel.Count / 4], "the busiest channel should dwarf a mid-table one");
    }

    [Fact]
    public void History_HourOfDay_BusiestHourAtLeastTwiceTheQuietest()
    {
        var perHour = Messages.GroupBy(m => m.EventAt / DemoRhythm.HourMs % 24).Select(g => g.Count()).ToList();

        Assert.Equal(24, perHour.Count);
        Assert.True(perHour.Max() >= 2 * perHour.Min());
    }

    [Fact]
    public void History_Weekends_QuieterThanWeekdays()
    {
        var perDay = Messages.Where(m => !m.IsBot).GroupBy(m => m.EventAt / DemoRhythm.DayMs).ToDictionary(g => g.Key, g => g.Count());
        bool IsWeekend(long day) => DemoRhythm.DayOfWeekOf(day) is DayOfWeek.Saturday or DayOfWeek.Sunday;

        var weekend = perDay.Where(p => IsWeekend(p.Key)).Average(p => p.Value);
        var weekday = perDay.Where(p => !IsWeekend(p.Key)).Average(p => p.Value);

        Assert.True(weekend < 0.85 * weekday);
    }

    [Fact]
    public void History_Volume_BetweenOneThousandAndTwoAndAHalfThousandChatMessagesPerDay()
    {
        var perDay = Messages.Where(m => !m.IsBot).GroupBy(m => m.EventAt / DemoRhythm.DayMs).Select(g => g.Count()).ToList();

        Assert.Equal(DemoHistoryFixture.Days, perDay.Count);
        Assert.All(perDay, count => Assert.InRange(count, 900, 2700));
    }

    [Fact]
    public void History_Reactions_AFewMessagesClearlyOnTop()
    {
        var perMessage = Events.Where(e => e.Type == IngestEventType.ReactionAdd)
            .GroupBy(e => e.MessageId).Select(g => g.Count()).OrderByDescending(c => c).ToList();
        var p99 = perMessage[perMessage.Count / 100];

        Assert.InRange(perMessage[0], 40, 80);
        Assert.True(perMessage.Take(3).All(c => c >= 4 * p99), "the top three should stand far above the 99th percentile");
    }

    [Fact]
    public void History_Activity_HasEveryKindOfEvent()
    {
        var types = Events.Select(e => e.Type).ToHashSet();

        Assert.Contains(IngestEventType.ThreadCreate, types);
        Assert.Contains(IngestEventType.MemberAdd, types);
        Assert.Contains(IngestEventType.MemberRemove, types);
        Assert.Contains(IngestEventType.MessageUpdate, types);
        Assert.Contains(IngestEventType.MessageDelete, types);
        Assert.Contains(IngestEventType.ReactionAdd, types);
        Assert.Contains(IngestEventType.ReactionRemove, types);
        Assert.Contains(Messages, m => m.ReferencedMessageId is not null);
        Assert.Contains(Messages, m => m.IsBot);
        Assert.Contains(Events, e => e.Type == IngestEventType.ReactionAdd && e.Emoji!.Contains(':', StringComparison.Ordinal));
    }

    [Fact]
    public void History_FollowUps_HappenAfterTheirMessage()
    {
        var createdAt = Messages.ToDictionary(m => m.MessageId!.Value, m => m.EventAt);
        var followUps = Events.Where(e => e.Type is IngestEventType.ReactionAdd or IngestEventType.ReactionRemove
            or IngestEventType.MessageUpdate or IngestEventType.MessageDelete && createdAt.ContainsKey(e.MessageId!.Value)).ToList();

        Assert.NotEmpty(followUps);
        Assert.All(followUps.Where(e => createdAt.ContainsKey(e.MessageId!.Value)), e => Assert.True(e.EventAt > createdAt[e.MessageId!.Value]));
    }

    [Fact]
    public void History_Replies_PointAtEarlierMessagesInTheSameChannel()
    {
        var byId = Messages.ToDictionary(m => m.MessageId!.Value);
        var replies = Messages.Where(m => m.ReferencedMessageId is not null && byId.ContainsKey(m.ReferencedMessageId.Value)).ToList();

        Assert.NotEmpty(replies);
        Assert.All(replies, r => Assert.Equal(byId[r.ReferencedMessageId!.Value].ChannelId, r.ChannelId));
        Assert.All(replies, r => Assert.True(byId[r.ReferencedMessageId!.Value].EventAt < r.EventAt));
    }

    [Fact]
    public void History_ForumPosts_StarterMessageHasTheThreadIdAndSomeGetNoAnswer()
    {
        var forums = fixture.Community.Channels.Where(c => c.Type == ChannelTypes.Forum).Select(c => c.Id).ToHashSet();
        var posts = Events.Where(e => e.Type == IngestEventType.ThreadCreate && forums.Contains(e.ParentId!.Value)).ToList();
        var messagesByThread = Messages.ToLookup(m => m.ChannelId!.Value);

        Assert.NotEmpty(posts);
        Assert.All(posts, p => Assert.Equal(ChannelTypes.PublicThread, p.ChannelType));
        Assert.All(posts, p => Assert.Contains(messagesByThread[p.ChannelId!.Value], m => m.MessageId == p.ChannelId && m.UserId == p.UserId));
        var unanswered = posts.Count(p => messagesByThread[p.ChannelId!.Value].All(m => m.UserId == p.UserId));
        Assert.InRange(unanswered, posts.Count / 10, posts.Count / 2);
    }

    [Fact]
    public void History_ThreadsFromMessages_TakeTheMessageIdAndHoldReplies()
    {
        var chatChannels = fixture.Community.Channels.Where(c => c.Type == 0).Select(c => c.Id).ToHashSet();
        var threads = Events.Where(e => e.Type == IngestEventType.ThreadCreate && chatChannels.Contains(e.ParentId!.Value)).ToList();
        var messageIds = Messages.ToDictionary(m => m.MessageId!.Value);

        Assert.NotEmpty(threads);
        Assert.All(threads.Where(t => messageIds.ContainsKey(t.ChannelId!.Value)), t => Assert.Equal(t.ParentId, messageIds[t.ChannelId!.Value].ChannelId));
        Assert.Contains(Messages, m => threads.Any(t => t.ChannelId == m.ChannelId));
    }

    [Fact]
    public void History_Joiners_GetANameBeforeTheyJoinAndPostOnlyAfterwards()
    {
        var joins = Events.Where(e => e.Type == IngestEventType.MemberAdd).ToDictionary(e => e.UserId!.Value, e => e.EventAt);

        Assert.All(Messages.Where(m => joins.ContainsKey(m.UserId!.Value)), m => Assert.True(m.EventAt > joins[m.UserId!.Value]));
        Assert.Contains(Messages, m => joins.ContainsKey(m.UserId!.Value));
    }

    [Fact]
    public void History_Excerpts_ShortAndCarrySupportKeywords()
    {
        Assert.All(Messages, m => Assert.InRange(m.Excerpt!.Length, 1, IngestEvent.MaxExcerptLength));
        Assert.All(SupportKeywords, keyword => Assert.Contains(Messages, m => m.Excerpt!.Contains(keyword, StringComparison.OrdinalIgnoreCase)));
    }
}
