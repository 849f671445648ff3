using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Core.Demo;

/// <summary>
/// Generates one UTC day of activity: a pure function of (seed, day). Events fall in the day itself,
/// except follow-ups of the day's messages (reactions, edits, deletes, thread replies) which may run into
/// the next day and never further.
/// </summary>
internal sealed partial class DemoDay
{
    private const double BaseMessagesPerDay = 1750;

    private readonly DemoCommunity _community;
    private readonly long _day;
    private readonly long _dayStart;
    private readonly long _dayEnd;
    private readonly long _cap;
    private readonly DemoRandom _random;
    private readonly MessageIdAllocator _ids;
    private readonly List<DemoDayEvent> _events = new(8192);
    private readonly List<DemoDraftMessage> _drafts = new(2600);
    private int _sequence;

    public DemoDay(DemoCommunity community, long day)
    {
        _community = community;
        _day = day;
        _dayStart = day * DemoRhythm.DayMs;
        _dayEnd = _dayStart + DemoRhythm.DayMs;
        _cap = _dayEnd + DemoRhythm.DayMs - 1;
        _random = new DemoRandom(community.Seed, day, 3);
        _ids = new MessageIdAllocator(DemoIds.HistoryMessageWorker, (int)(day & 31));
    }

    public List<DemoDayEvent> Generate()
    {
        var joiners = _community.JoinersAround(_day).ToList();
        JoinsAndLeaves(joiners);
        foreach (var change in _community.SubscriptionChanges(_day))
        {
            Add(change);
        }

        Chat(joiners);
        ForumPosts(_community.ChannelOf(DemoChannelKind.Forum, "help-forum"), 14);
        ForumPosts(_community.ChannelOf(DemoChannelKind.Forum, "feature-requests"), 1.5);
        Announcements();
        BotFeeds();
        Highlights();
        Voice();
        FollowUps();
        _events.Sort();
        return _events;
    }

    private void Add(IngestEvent ingestEvent) => _events.Add(new DemoDayEvent(ingestEvent, _day, _sequence++));

    private DemoDraftMessage? Post(long at, ulong channelId, DemoMember author, string excerpt, DemoDraftMessage? replyTo = null)
    {
        if (at > _cap)
        {
            return null;
        }

        var draft = new DemoDraftMessage(_ids.Next(at), at, channelId, author, excerpt);
        if (replyTo is not null)
        {
            replyTo.HasDependents = true;
        }

        Add(_community.MessageCreated(at, channelId, draft.Id, author, excerpt, replyTo?.Id));
        _drafts.Add(draft);
        return draft;
    }

    private void ThreadCreate(long at, ulong threadId, ulong parentId, string name, DemoMember owner) =>
        Add(_community.ThreadCreated(at, threadId, parentId, name, owner));

    private long TimeInDay(int zone) =>
        _dayStart + _community.HourTables[zone].Pick(_random) * DemoRhythm.HourMs + _random.NextLong(DemoRhythm.HourMs);

    private long After(long at, double meanMs, long minimumMs = 1000) => at + minimumMs + _random.Exponential(meanMs);

    private void JoinsAndLeaves(List<DemoJoiner> joiners)
    {
        var welcome = _community.ChannelOf(DemoChannelKind.Welcome);
        var introductions = _community.ChannelOf(DemoChannelKind.Chat, "introductions");
        foreach (var joiner in joiners)
        {
            var member = joiner.Member;
            if (joiner.JoinAt >= _dayStart && joiner.JoinAt < _dayEnd)
            {
                foreach (var joined in _community.Joined(joiner.JoinAt, member))
                {
                    Add(joined);
                }

                Add(DemoInvites.Attributed(_community, member.Id, joiner.JoinAt, joiner.LeaveAt is not null, member.Weight > 0));
                Post(joiner.JoinAt + 2000 + _random.NextLong(6000), welcome.Id, _community.ModerationBot, DemoText.Welcome(member.Name));
                var introAt = After(joiner.JoinAt, 3 * DemoRhythm.HourMs, 2 * DemoRhythm.MinuteMs);
                if (member.Weight > 0 && _random.Chance(0.6) && joiner.CanPostAt(introAt))
                {
                    Post(introAt, introductions.Id, member, DemoText.Message(DemoTopic.Introductions, _random));
                }
            }

            if (joiner.LeaveAt is { } leaveAt && leaveAt >= _dayStart && leaveAt < _dayEnd)
            {
                Add(_community.Left(leaveAt, member.Id));
            }

            // A week after joining, a newcomer who stayed is one no more.
            var settledAt = joiner.JoinAt + DemoCommunity.NewcomerMs;
            if (settledAt >= _dayStart && settledAt < _dayEnd && joiner.IsMemberAt(settledAt))
            {
                Add(_community.MemberRolesChanged(settledAt, member, _community.RolesOf(member, settledAt, joiner.JoinAt)));
            }
        }
    }

    private void Chat(List<DemoJoiner> joiners)
    {
        // Posters of the day: the founders plus joiners who may post today, in one long-tailed table.
        var dayJoiners = joiners.Where(j => j.Member.Weight > 0 && (j.CanPostAt(_dayStart + 1) || j.CanPostAt(_dayEnd - 1))).ToList();
        var posters = new WeightedTable<(DemoMember Member, DemoJoiner? Joiner)>(
            _community.Authors.Items.Select(m => ((m, (DemoJoiner?)null), m.Weight))
                .Concat(dayJoiners.Select(j => ((j.Member, (DemoJoiner?)j), j.Member.Weight))));

        var trend = 1 + 0.12 * Math.Sin(_day / 9.0) + 0.05 * Math.Sin(_day / 2.3);
        var count = (int)(BaseMessagesPerDay * DemoRhythm.DayFactor(_day) * trend * (0.9 + 0.2 * _random.NextDouble()));
        var planned = new List<(long At, DemoMember Author, DemoChannel Channel)>(count);
        for (var i = 0; i < count; i++)
        {
            var (author, joiner) = posters.Pick(_random);
            var at = TimeInDay(author.Zone);
            if (joiner is not null && !joiner.CanPostAt(at))
            {
                author = _community.Authors.Pick(_random);
                at = TimeInDay(author.Zone);
            }

            var channel = _random.Chance(0.6) && author.FavoriteChannelIds.Count > 0
                ? _community.ChannelsById[author.FavoriteChannelIds[_random.Next(author.FavoriteChannelIds.Count)]]
                : _community.ChatChannels.Pick(_random);
            planned.Add((at, author, channel));
        }

        planned.Sort((a, b) => a.At.CompareTo(b.At));
        var recent = new Dictionary<ulong, List<DemoDraftMessage>>();
        foreach (var (at, author, channel) in planned)
        {
            if (!recent.TryGetValue(channel.Id, out var window))
            {
                window = [];
                recent[channel.Id] = window;
            }

            DemoDraftMessage? replyTo = null;
            if (window.Count > 0 && _random.Chance(0.27))
            {
                var candidate = window[_random.Next(window.Count)];
                if (candidate.Author.Id != author.Id && at - candidate.At < 3 * DemoRhythm.HourMs)
                {
                    replyTo = candidate;
                }
            }

            var message = Post(at, channel.Id, author, DemoText.Message(channel.Topic, _random), replyTo);
            if (message is null)
            {
                continue;
            }

            window.Add(message);
            if (window.Count > 8)
            {
                window.RemoveAt(0);
            }

            if (_random.Chance(0.012))
            {
                ThreadFrom(message, channel);
            }
        }
    }

    private void ThreadFrom(DemoDraftMessage starter, DemoChannel parent)
    {
        // A thread started from a message takes that message's id.
        var owner = _random.Chance(0.7) ? starter.Author : _community.Authors.Pick(_random);
        var at = After(starter.At, 5 * DemoRhythm.MinuteMs, 30_000);
        if (at > _cap)
        {
            return;
        }

        starter.HasDependents = true;
        ThreadCreate(at, starter.Id, parent.Id, DemoText.ThreadName(starter.Excerpt), owner);
        var participants = new[] { starter.Author, owner, _community.Authors.Pick(_random), _community.Authors.Pick(_random) };
        DemoDraftMessage? previous = null;
        var replies = _random.Next(2, 13);
        for (var i = 0; i < replies; i++)
        {
            at = After(at, 8 * DemoRhythm.MinuteMs, 20_000);
            var author = participants[_random.Next(participants.Length)];
            var reply = Post(at, starter.Id, author, DemoText.Message(parent.Topic, _random), previous is not null && _random.Chance(0.25) ? previous : null);
            if (reply is null)
            {
                return;
            }

            previous = reply;
        }
    }

    private void ForumPosts(DemoChannel forum, double perDay)
    {
        var count = (int)Math.Round(perDay * DemoRhythm.DayFactor(_day) * (0.7 + 0.6 * _random.NextDouble()));
        for (var i = 0; i < count; i++)
        {
            var asker = _community.Authors.Pick(_random);
            if (asker.IsStaff)
            {
                asker = _community.Authors.Pick(_random);
            }

            var at = TimeInDay(asker.Zone);
            var title = DemoText.Title(forum.Topic, _random);
            var question = forum.Topic == DemoTopic.Support ? DemoText.Question(_random) : DemoText.Message(forum.Topic, _random);
            // A forum post is a thread whose starter message has the thread's id.
            var threadId = _ids.Next(at);
            ThreadCreate(at, threadId, forum.Id, title, asker);
            var help = forum.Id == _community.HelpForum.Id;
            var starterEvent = _community.MessageCreated(at, threadId, threadId, asker, question, replyTo: null);
            Add(help && MentionsModerators() ? _community.MentioningModerators(starterEvent) : starterEvent);
            var starter = new DemoDraftMessage(threadId, at, threadId, asker, question) { HasDependents = true };
            _drafts.Add(starter);

            if (_random.Chance(0.22))
            {
                // Unanswered: at most the asker bumps it.
                if (_random.Chance(0.5))
                {
                    Post(After(at, 4 * DemoRhythm.HourMs, DemoRhythm.HourMs), threadId, asker, DemoText.Bump(_random));
                }

                if (help)
                {
                    Unanswered(threadId, title, asker, at);
                }

                continue;
            }

            var helper = _community.Helpers.Pick(_random);
            if (helper.Id == asker.Id)
            {
                helper = _community.Staff[_random.Next(_community.Staff.Count)];
            }

            at = After(at, 40 * DemoRhythm.MinuteMs, DemoRhythm.MinuteMs);
            var previous = Post(at, threadId, helper, DemoText.Answer(_random), _random.Chance(0.3) ? starter : null);
            var more = _random.Next(0, 7);
            for (var j = 0; j < more && previous is not null; j++)
            {
                at = After(at, 25 * DemoRhythm.MinuteMs, 30_000);
                var author = _random.Next(3) switch
                {
                    0 => asker,
                    1 => helper,
                    _ => _community.Helpers.Pick(_random),
                };
                var text = author.Id == asker.Id ? DemoText.Message(DemoTopic.Support, _random) : DemoText.Answer(_random);
                previous = Post(at, threadId, author, text, _random.Chance(0.3) ? previous : null);
            }

            if (help && previous is not null)
            {
                Answered(threadId, title, asker, previous.At);
            }
        }
    }

    private void Announcements()
    {
        if (!_random.Chance(0.3) || _community.Staff.Count == 0)
        {
            return;
        }

        var channel = _community.ChannelOf(DemoChannelKind.Announcements);
        var author = _community.Staff[_random.Next(_community.Staff.Count)];
        var at = _dayStart + 15 * DemoRhythm.HourMs + _random.NextLong(2 * DemoRhythm.HourMs);
        var message = Post(at, channel.Id, author, DemoText.Announcement(_random));
        if (message is not null)
        {
            message.ReactionTarget = _random.Next(40, 81);
            message.ReactionDelayMean = 2 * DemoRhythm.HourMs;
        }
    }

    private void BotFeeds()
    {
        var alerts = _community.ChannelOf(DemoChannelKind.BotFeed, "market-alerts");
        var weekday = DemoRhythm.DayOfWeekOf(_day) is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
        for (var hour = 0; hour < 24; hour++)
        {
            var marketHours = weekday && hour is >= 14 and < 21;
            if (_random.Chance(marketHours ? 0.8 : 0.12))
            {
                Post(_dayStart + hour * DemoRhythm.HourMs + _random.NextLong(DemoRhythm.HourMs), alerts.Id, _community.MarketBot, DemoText.MarketAlert(_random));
            }
        }

        var deployments = _community.ChannelOf(DemoChannelKind.BotFeed, "deployments");
        var deploys = weekday ? _random.Next(2, 8) : _random.Next(0, 2);
        for (var i = 0; i < deploys; i++)
        {
            Post(TimeInDay(1), deployments.Id, _community.DeployBot, DemoText.DeployNotice(_random));
        }
    }

    /// <summary>A great help-forum answer and a meme or two that clearly stand out in top content.</summary>
    private void Highlights()
    {
        var answers = _drafts.Where(d => !d.Author.IsBot && d.ChannelId != d.Id && !_community.ChannelsById.ContainsKey(d.ChannelId)).ToList();
        if (answers.Count > 0 && _random.Chance(0.25))
        {
            var great = answers[_random.Next(answers.Count)];
            great.ReactionTarget = _random.Next(22, 46);
            great.ReactionDelayMean = 90 * DemoRhythm.MinuteMs;
        }

        var chat = _drafts.Where(d => !d.Author.IsBot && d.ReactionTarget == 0 && _community.ChannelsById.TryGetValue(d.ChannelId, out var c) && c.Kind == DemoChannelKind.Chat).ToList();
        if (chat.Count > 0 && _random.Chance(0.35))
        {
            var viral = chat[_random.Next(chat.Count)];
            viral.ReactionTarget = _random.Next(12, 28);
        }
    }
}
