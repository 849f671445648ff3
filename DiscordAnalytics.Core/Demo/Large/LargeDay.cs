using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Core.Demo.Large;

/// <summary>
/// One UTC day of the large community, a pure function of (seed, scale, day) except for the leaves and role changes it queues
/// for later days. Shares of an average day's events: chat messages ~55% (a quarter of them replies), thread
/// messages ~3%, reactions ~28% (adds) and ~4% (removes: churn), edits ~5%, deletes ~2%, joins ~0.2% and
/// about a third of joiners leaving later; voice sessions on top (LargeDay.Voice.cs).
/// </summary>
internal sealed partial class LargeDay
{
    private const double ReactionAddShare = 0.28;
    private const double EditChance = 0.085;
    private const double DeleteChance = 0.034;
    private const double ReactionRemoveChance = 0.14;
    private const double ForumPostShare = 0.003;
    private const double TextThreadShare = 0.0006;
    private const double JoinShare = 0.002;
    private const double BotMessageShare = 0.006;
    private const int RecentPerChannel = 8;

    /// <summary>Mean of <see cref="DemoRhythm.DayFactor"/> over a week, so an average day has the scale's events.</summary>
    private static readonly double MeanDayFactor = Enumerable.Range(0, 7).Average(d => DemoRhythm.DayFactor(d));

    private readonly LargeCommunity _community;
    private readonly long _day;
    private readonly long _dayStart;
    private readonly DemoRandom _random;
    private readonly PriorityQueue<LargeDayEvent, LargeDayEvent> _later;
    private readonly List<LargeDayEvent> _events = [];
    private readonly List<(ulong Id, ulong ChannelId, long At, ulong AuthorId)> _messages = [];
    private readonly Dictionary<ulong, (ulong Id, long At)[]> _recent = [];
    private readonly List<int> _active = [];
    private readonly List<int> _posters = [];
    private readonly double _factor;
    private int _messageSequence;

    public LargeDay(LargeCommunity community, long day, PriorityQueue<LargeDayEvent, LargeDayEvent> later)
    {
        _community = community;
        _day = day;
        _dayStart = day * DemoRhythm.DayMs;
        _later = later;
        _random = new DemoRandom(community.Seed, day, 18);
        _factor = DemoRhythm.DayFactor(day) / MeanDayFactor;
    }

    private double DayEvents => _community.Scale.EventsPerDay * _factor;

    public List<LargeDayEvent> Generate()
    {
        var reactionOnly = Chat();
        Threads();
        Joins();
        Bots();
        FollowUps(reactionOnly);
        Voice();
        _events.AddRange(_community.SubscriptionChanges(_day));
        return _events;
    }

    /// <summary>Who is active today and what they post; returns the active members who only react.</summary>
    private List<int> Chat()
    {
        var chance = _community.DailyChance;
        for (var r = 0; r < chance.Length; r++)
        {
            if (_random.NextDouble() < chance[r] * _factor)
            {
                _active.Add(r);
            }
        }

        var reactionOnly = new List<int>();
        foreach (var r in _active)
        {
            var count = Geometric(_community.MessagesWhenActive[r]);
            if (count == 0)
            {
                reactionOnly.Add(r);
                continue;
            }

            _posters.Add(r);
            for (var i = 0; i < count; i++)
            {
                var channel = _random.Chance(0.7) ? _community.Favorites[2 * r + _random.Next(2)] : _community.ChatChannels.Pick(_random);
                var at = TimeOf(r);
                ulong? replyTo = null;
                if (_random.Chance(0.25) && Recent(channel.Id) is { } previous)
                {
                    replyTo = previous.Id;
                    at = Math.Max(at, previous.At + 20_000 + _random.Exponential(6 * DemoRhythm.MinuteMs));
                }

                Post(at, channel.Id, _community.MemberId(r), isBot: false, replyTo);
            }
        }

        return reactionOnly;
    }

    /// <summary>Forum help threads (a question, then answers or none) and threads started from text-channel messages.</summary>
    private void Threads()
    {
        if (_posters.Count < 2)
        {
            return;
        }

        var forumPosts = (int)Math.Round(DayEvents * ForumPostShare);
        for (var i = 0; i < forumPosts; i++)
        {
            var forum = _community.Forums.Pick(_random);
            var asker = _posters[_random.Next(_posters.Count)];
            var at = TimeOf(asker);
            var threadId = NextMessageId(at);
            Add(at, new IngestEvent { Type = IngestEventType.ThreadCreate, GuildId = _community.GuildId, EventAt = at, ChannelId = threadId, ParentId = forum.Id, Name = $"help {threadId % 100_000}", ChannelType = ChannelTypes.PublicThread, UserId = _community.MemberId(asker) });
            PostWithId(at, threadId, threadId, _community.MemberId(asker), isBot: false, replyTo: null);
            // 15% of help threads never get an answer; the rest a short back-and-forth.
            var replies = _random.Chance(0.15) ? 0 : 1 + Geometric(3);
            Replies(threadId, at, asker, replies, firstMeanMs: 25 * DemoRhythm.MinuteMs);
        }

        var textThreads = (int)Math.Round(DayEvents * TextThreadShare);
        for (var i = 0; i < textThreads && _messages.Count > 0; i++)
        {
            var starter = _messages[_random.Next(_messages.Count)];
            var at = starter.At + 30_000 + _random.Exponential(10 * DemoRhythm.MinuteMs);
            Add(at, new IngestEvent { Type = IngestEventType.ThreadCreate, GuildId = _community.GuildId, EventAt = at, ChannelId = starter.Id, ParentId = starter.ChannelId, Name = $"thread {starter.Id % 100_000}", ChannelType = ChannelTypes.PublicThread, UserId = starter.AuthorId });
            Replies(starter.Id, at, asker: null, 2 + Geometric(4), firstMeanMs: 5 * DemoRhythm.MinuteMs);
        }
    }

    private void Replies(ulong threadId, long at, int? asker, int count, double firstMeanMs)
    {
        for (var k = 0; k < count; k++)
        {
            var author = asker is { } a && k % 2 == 1 && _random.Chance(0.6) ? a : _posters[_random.Next(_posters.Count)];
            at += 20_000 + _random.Exponential(k == 0 ? firstMeanMs : 10 * DemoRhythm.MinuteMs);
            Post(at, threadId, _community.MemberId(author), isBot: false, replyTo: null);
        }
    }

    /// <summary>New members: some introduce themselves within hours, about a third leave within weeks (queued for their day); each join attributed to an invite.</summary>
    private void Joins()
    {
        var joins = (int)Math.Round(DayEvents * JoinShare);
        for (var i = 0; i < joins; i++)
        {
            var id = LargeCommunity.JoinerId(_day, i);
            var zone = _random.Next(DemoRhythm.ZoneOffsetsHours.Length);
            var at = _dayStart + _community.HourTables[zone].Pick(_random) * DemoRhythm.HourMs + _random.NextLong(DemoRhythm.HourMs);
            var name = $"joiner-{_day}-{i}";
            Add(at, new IngestEvent { Type = IngestEventType.MemberAdd, GuildId = _community.GuildId, EventAt = at, UserId = id, Name = name, RoleIds = new[] { _community.NewcomersRole } });
            var introduces = _random.Chance(0.45);
            if (introduces)
            {
                var postAt = at + 60_000 + _random.Exponential(2 * DemoRhythm.HourMs);
                var posts = 1 + _random.Next(3);
                for (var p = 0; p < posts; p++)
                {
                    Post(postAt + p * 5 * DemoRhythm.MinuteMs, p == 0 ? _community.Introductions.Id : _community.ChatChannels.Pick(_random).Id, id, isBot: false, replyTo: null);
                }
            }

            var leaveAt = long.MaxValue;
            if (_random.Chance(0.35))
            {
                leaveAt = at + DemoRhythm.DayMs + Math.Min(_random.Exponential(6 * DemoRhythm.DayMs), 40 * DemoRhythm.DayMs);
                Later(new IngestEvent { Type = IngestEventType.MemberRemove, GuildId = _community.GuildId, EventAt = leaveAt, UserId = id });
            }

            // The invite it came through, right after the join (same time, later in order).
            Add(at, _community.JoinAttributed(id, at, leaveAt != long.MaxValue, introduces));

            // A joiner who is still here a week later is no longer a newcomer.
            var settledAt = at + GeneratedRoles.NewcomerMs;
            if (settledAt < leaveAt)
            {
                Later(new IngestEvent { Type = IngestEventType.MemberUpsert, GuildId = _community.GuildId, EventAt = settledAt, UserId = id, Name = name, RoleIds = Array.Empty<ulong>() });
            }
        }
    }

    private void Bots()
    {
        var posts = (int)Math.Round(DayEvents * BotMessageShare);
        for (var i = 0; i < posts; i++)
        {
            var channel = _community.BotChannels[_random.Next(_community.BotChannels.Count)];
            Post(_dayStart + _random.NextLong(DemoRhythm.DayMs), channel.Id, _community.Bots[_random.Next(_community.Bots.Count)], isBot: true, replyTo: null);
        }
    }

    /// <summary>Reactions (heavy-tailed per message, some removed again and a few re-added), edits and deletes.</summary>
    private void FollowUps(List<int> reactionOnly)
    {
        if (_messages.Count == 0 || _active.Count == 0)
        {
            return;
        }

        // Reaction-only members react once each; the rest of the day's budget goes to messages, 30% of which get any.
        var perMessage = Math.Max(0, (DayEvents * ReactionAddShare / (1 + ReactionRemoveChance * 0.25) - reactionOnly.Count) / _messages.Count);
        var scale = Math.Max(0.34, (perMessage / 0.3 - 0.5) / 3);
        foreach (var message in _messages)
        {
            if (_random.Chance(0.3))
            {
                var count = Math.Min(500, (int)Math.Ceiling(scale / Math.Pow(1 - _random.NextDouble(), 1 / 1.5)));
                for (var k = 0; k < count; k++)
                {
                    React(message.Id, message.ChannelId, message.At, _community.MemberId(_active[_random.Next(_active.Count)]));
                }
            }

            if (_random.Chance(EditChance))
            {
                var editedAt = message.At + 5_000 + _random.Exponential(4 * DemoRhythm.MinuteMs);
                Add(editedAt, new IngestEvent { Type = IngestEventType.MessageUpdate, GuildId = _community.GuildId, EventAt = editedAt, ChannelId = message.ChannelId, MessageId = message.Id, UserId = message.AuthorId, EditedAt = editedAt, Excerpt = _community.Text.Pick(_random) });
            }

            if (_random.Chance(DeleteChance))
            {
                var deletedAt = message.At + 10_000 + _random.Exponential(30 * DemoRhythm.MinuteMs);
                Add(deletedAt, new IngestEvent { Type = IngestEventType.MessageDelete, GuildId = _community.GuildId, EventAt = deletedAt, ChannelId = message.ChannelId, MessageId = message.Id });
            }
        }

        foreach (var r in reactionOnly)
        {
            var message = _messages[_random.Next(_messages.Count)];
            React(message.Id, message.ChannelId, message.At, _community.MemberId(r));
        }
    }

    private void React(ulong messageId, ulong channelId, long messageAt, ulong reactorId)
    {
        var emoji = _community.Emoji.Pick(_random);
        var at = messageAt + 2_000 + _random.Exponential(25 * DemoRhythm.MinuteMs);
        Add(at, Reaction(IngestEventType.ReactionAdd, at, messageId, channelId, reactorId, emoji));
        if (_random.Chance(ReactionRemoveChance))
        {
            var removedAt = at + 5_000 + _random.Exponential(10 * DemoRhythm.MinuteMs);
            Add(removedAt, Reaction(IngestEventType.ReactionRemove, removedAt, messageId, channelId, reactorId, emoji));
            if (_random.Chance(0.25))
            {
                var againAt = removedAt + 5_000 + _random.Exponential(20 * DemoRhythm.MinuteMs);
                Add(againAt, Reaction(IngestEventType.ReactionAdd, againAt, messageId, channelId, reactorId, emoji));
            }
        }
    }

    private IngestEvent Reaction(IngestEventType type, long at, ulong messageId, ulong channelId, ulong reactorId, string emoji) =>
        new() { Type = type, GuildId = _community.GuildId, EventAt = at, ChannelId = channelId, MessageId = messageId, UserId = reactorId, Emoji = emoji };

    private void Post(long at, ulong channelId, ulong authorId, bool isBot, ulong? replyTo) =>
        PostWithId(at, NextMessageId(at), channelId, authorId, isBot, replyTo);

    private void PostWithId(long at, ulong messageId, ulong channelId, ulong authorId, bool isBot, ulong? replyTo)
    {
        var excerpt = _community.Text.Pick(_random);
        Add(at, new IngestEvent { Type = IngestEventType.MessageCreate, GuildId = _community.GuildId, EventAt = at, ChannelId = channelId, MessageId = messageId, UserId = authorId, IsBot = isBot, Excerpt = excerpt, Shape = DemoMessageShape.For(messageId, excerpt, replyTo is not null), ReferencedMessageId = replyTo });
        if (!isBot)
        {
            _messages.Add((messageId, channelId, at, authorId));
        }

        if (!_recent.TryGetValue(channelId, out var recent))
        {
            recent = new (ulong, long)[RecentPerChannel];
            _recent[channelId] = recent;
        }

        recent[_random.Next(RecentPerChannel)] = (messageId, at);
    }

    private (ulong Id, long At)? Recent(ulong channelId) =>
        _recent.TryGetValue(channelId, out var recent) && recent[_random.Next(RecentPerChannel)] is { Id: not 0 } previous ? previous : null;

    /// <summary>
    /// A message snowflake of <paramref name="at"/>: the low 22 bits hold the day (mod 16) and the day's sequence,
    /// so ids never collide, even where one day's follow-ups share a millisecond with the next day's messages.
    /// </summary>
    private ulong NextMessageId(long at)
    {
        var sequence = _messageSequence++;
        if (sequence >= 1 << 18)
        {
            throw new InvalidOperationException("More than 262,144 messages in one day of the large community.");
        }

        return Snowflake.FromUnixMs(at) | ((ulong)(_day & 15) << 18) | (uint)sequence;
    }

    private long TimeOf(int rank) =>
        _dayStart + _community.HourTables[_community.Zones[rank]].Pick(_random) * DemoRhythm.HourMs + _random.NextLong(DemoRhythm.HourMs);

    /// <summary>A count with the given mean, geometric (most days a little, some days a lot).</summary>
    private int Geometric(double mean)
    {
        var stay = mean / (1 + mean);
        return (int)Math.Min(10_000, Math.Floor(Math.Log(1 - _random.NextDouble()) / Math.Log(stay)));
    }

    private long Order() => (_day << 32) | (uint)_events.Count;

    private void Add(long at, IngestEvent e) => _events.Add(new LargeDayEvent(at, Order(), e));

    /// <summary>An event of a later day (a leave, a newcomer settling), queued until its day is generated.</summary>
    private void Later(IngestEvent e)
    {
        var item = new LargeDayEvent(e.EventAt, Order(), e);
        _later.Enqueue(item, item);
    }
}
