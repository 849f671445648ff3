using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Core.Demo;

/// <summary>
/// Keeps the demo community moving in real time after its history: new messages, reactions to recent and
/// top messages, edits, deletes, threads, forum posts, joins, leaves, bot posts and voice (the regulars joining a
/// room, muting for a while and leaving: one session open at a time per member).
/// </summary>
/// <remarks>
/// Live message ids use their own snowflake worker (<see cref="DemoIds.LiveMessageWorker"/>) while the
/// history generator uses another, so a live id can never equal a history id, even when a restart
/// regenerates history over a period the live simulator already covered. The count of events due is a
/// function of elapsed time (<c>floor(seconds * rate)</c>), so coarse or late timer ticks do not change
/// the rate; a long stall (suspended machine) drops the backlog instead of bursting.
/// </remarks>
public sealed class DemoLiveSimulator
{
    private const int RecentLimit = 300;
    private const double MaxBacklogSeconds = 60;

    private readonly DemoCommunity _community;
    private readonly DemoRandom _random;
    private readonly MessageIdAllocator _ids = new(DemoIds.LiveMessageWorker, 0);
    private readonly List<DemoLiveMessage> _recent = [];
    private readonly List<DemoLiveMessage> _top = [];
    private readonly List<(ulong Id, DemoChannel Parent)> _threads = [];
    private readonly List<DemoMember> _joiners = [];
    private readonly Dictionary<ulong, (DemoMember Member, ulong ChannelId, bool Muted)> _inVoice = [];
    private readonly DemoLiveSupport _support;
    private long _baseline;
    private long _lastAt;
    private long _emitted;
    private int _joinerCounter;

    /// <param name="community">The community to animate.</param>
    /// <param name="startAt">Epoch ms where live begins (where the history written before it ends).</param>
    public DemoLiveSimulator(DemoCommunity community, long startAt)
    {
        _community = community;
        _random = new DemoRandom(community.Seed, startAt, 11);
        _support = new DemoLiveSupport(community, startAt, _ids);
        _baseline = startAt;
        _lastAt = startAt;
        SeedTopMessages(startAt);
    }

    /// <summary>Events written so far.</summary>
    public long Emitted => _emitted;

    /// <summary>
    /// The events due up to <paramref name="nowMs"/> at <paramref name="eventsPerSecond"/>, stamped between the
    /// previous call and <paramref name="nowMs"/>. One step may yield a few events at the same instant (a
    /// forum post is a thread create plus its starter message; a join is an upsert, the add and a welcome).
    /// </summary>
    public IReadOnlyList<IngestEvent> Advance(long nowMs, double eventsPerSecond)
    {
        if (eventsPerSecond <= 0 || nowMs <= _lastAt)
        {
            return [];
        }

        var due = (long)((nowMs - _baseline) / 1000.0 * eventsPerSecond) - _emitted;
        if (due > eventsPerSecond * MaxBacklogSeconds + 1)
        {
            // Resume from now instead of replaying a stall.
            _baseline = nowMs - (long)(_emitted / eventsPerSecond * 1000);
            _lastAt = nowMs - 1;
            due = 1;
        }

        var events = new List<IngestEvent>();
        var span = nowMs - _lastAt;
        var start = _lastAt;
        for (var i = 0; events.Count < due; i++)
        {
            var at = Math.Max(start + 1, start + span * (i + 1) / Math.Max(due, 1));
            at = Math.Min(at, nowMs);
            Step(Math.Max(at, _lastAt), events);
            _lastAt = Math.Max(at, _lastAt);
        }

        _emitted += events.Count;
        _ids.ForgetBefore(nowMs - 1000);
        return events;
    }

    /// <summary>Writes live events into <paramref name="sink"/> until cancelled; returns quietly on cancellation.</summary>
    public Task RunAsync(IIngestionSink sink, double eventsPerSecond, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        eventsPerSecond <= 0
            ? Task.CompletedTask
            : DemoTicker.RunAsync(TimeSpan.FromMilliseconds(250), now => Advance(now, eventsPerSecond), sink, timeProvider, cancellationToken);

    private void SeedTopMessages(long startAt)
    {
        // The most reacted messages of the last two days keep collecting reactions while live.
        var history = _community.Activity(startAt - 2 * DemoRhythm.DayMs, startAt).ToList();
        var authors = _community.Members.ToDictionary(m => m.Id);
        var messages = history
            .Where(e => e.Type == IngestEventType.MessageCreate && e.UserId is { } id && authors.ContainsKey(id))
            .ToDictionary(e => e.MessageId!.Value);
        var top = history
            .Where(e => e.Type == IngestEventType.ReactionAdd && messages.ContainsKey(e.MessageId!.Value))
            .GroupBy(e => e.MessageId!.Value)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key)
            .Take(5);
        foreach (var group in top)
        {
            var created = messages[group.Key];
            var message = new DemoLiveMessage(group.Key, created.ChannelId!.Value, authors[created.UserId!.Value], created.Excerpt ?? string.Empty);
            foreach (var reaction in group)
            {
                message.Reactions.Add((reaction.UserId!.Value, reaction.Emoji!));
            }

            _top.Add(message);
        }
    }

    private void Step(long at, List<IngestEvent> events)
    {
        var roll = _random.NextDouble();
        var handled = roll switch
        {
            < 0.30 => React(at, Recent(50), events),
            < 0.34 => _top.Count > 0 && React(at, _top[_random.Next(_top.Count)], events),
            < 0.37 => Unreact(at, events),
            < 0.39 => Edit(at, events),
            < 0.40 => Delete(at, events),
            < 0.42 => Thread(at, events),
            < 0.44 => ForumPost(at, events),
            < 0.455 => Join(at, events),
            < 0.462 => Leave(at, events),
            < 0.48 => BotPost(at, events),
            < 0.50 => Voice(at, events),
            _ => false,
        };
        if (!handled)
        {
            Chat(at, events);
        }

        _support.Step(at, events);
    }

    private DemoLiveMessage? Recent(int window) =>
        _recent.Count == 0 ? null : _recent[_recent.Count - 1 - _random.Next(Math.Min(window, _recent.Count))];

    private DemoLiveMessage Post(long at, ulong channelId, DemoMember author, string excerpt, ulong? replyTo, List<IngestEvent> events, ulong? id = null)
    {
        var message = new DemoLiveMessage(id ?? _ids.Next(at), channelId, author, excerpt);
        events.Add(_community.MessageCreated(at, channelId, message.Id, author, excerpt, replyTo));
        _recent.Add(message);
        if (_recent.Count > RecentLimit)
        {
            _recent.RemoveAt(0);
        }

        return message;
    }

    private void Chat(long at, List<IngestEvent> events)
    {
        var author = _joiners.Count > 0 && _random.Chance(0.1) ? _joiners[_random.Next(_joiners.Count)] : _community.Authors.Pick(_random);
        if (_threads.Count > 0 && _random.Chance(0.1))
        {
            var (threadId, parent) = _threads[_random.Next(_threads.Count)];
            Post(at, threadId, author, DemoText.Message(parent.Topic, _random), null, events);
            _support.Posted(threadId, author, at);
            return;
        }

        var channel = author.FavoriteChannelIds.Count > 0 && _random.Chance(0.6)
            ? _community.ChannelsById[author.FavoriteChannelIds[_random.Next(author.FavoriteChannelIds.Count)]]
            : _community.ChatChannels.Pick(_random);
        var replyTo = _random.Chance(0.25)
            ? _recent.LastOrDefault(m => m.ChannelId == channel.Id && !m.Deleted && m.Author.Id != author.Id)
            : null;
        Post(at, channel.Id, author, DemoText.Message(channel.Topic, _random), replyTo?.Id, events);
    }

    private bool React(long at, DemoLiveMessage? message, List<IngestEvent> events)
    {
        if (message is null || message.Deleted)
        {
            return false;
        }

        var reactor = _community.Reactors.Pick(_random);
        var emoji = _community.ReactionEmoji.Pick(_random);
        if (reactor.Id == message.Author.Id || !message.Reactions.Add((reactor.Id, emoji)))
        {
            return false;
        }

        events.Add(Reaction(IngestEventType.ReactionAdd, at, message, reactor.Id, emoji));
        return true;
    }

    private bool Unreact(long at, List<IngestEvent> events)
    {
        var message = Recent(100);
        if (message is null || message.Deleted || message.Reactions.Count == 0)
        {
            return false;
        }

        var fact = message.Reactions.First();
        message.Reactions.Remove(fact);
        events.Add(Reaction(IngestEventType.ReactionRemove, at, message, fact.UserId, fact.Emoji));
        return true;
    }

    private IngestEvent Reaction(IngestEventType type, long at, DemoLiveMessage message, ulong userId, string emoji) => new()
    {
        Type = type,
        GuildId = _community.GuildId,
        EventAt = at,
        ChannelId = message.ChannelId,
        MessageId = message.Id,
        UserId = userId,
        Emoji = emoji,
    };

    private bool Edit(long at, List<IngestEvent> events)
    {
        var message = Recent(30);
        if (message is null || message.Deleted || message.Author.IsBot)
        {
            return false;
        }

        events.Add(_community.MessageEdited(at, message.ChannelId, message.Id, message.Author, message.Excerpt));
        return true;
    }

    private bool Delete(long at, List<IngestEvent> events)
    {
        var message = Recent(30);
        if (message is null || message.Deleted || message.Author.IsBot || message.Reactions.Count > 0 || _threads.Any(t => t.Id == message.Id))
        {
            return false;
        }

        message.Deleted = true;
        events.Add(_community.MessageDeleted(at, message.ChannelId, message.Id));
        return true;
    }

    private bool Thread(long at, List<IngestEvent> events)
    {
        var message = Recent(20);
        if (message is null || message.Deleted || message.Author.IsBot
            || !_community.ChannelsById.TryGetValue(message.ChannelId, out var parent) || parent.Kind != DemoChannelKind.Chat
            || _threads.Any(t => t.Id == message.Id))
        {
            return false;
        }

        // A thread started from a message takes that message's id.
        events.Add(_community.ThreadCreated(at, message.Id, parent.Id, DemoText.ThreadName(message.Excerpt), message.Author));
        RememberThread(message.Id, parent);
        return true;
    }

    private bool ForumPost(long at, List<IngestEvent> events)
    {
        var forum = _community.ChannelOf(DemoChannelKind.Forum, "help-forum");
        var asker = _community.Authors.Pick(_random);
        // The starter message has the thread's id and is created in the same millisecond.
        var threadId = _ids.Next(at);
        var title = DemoText.Title(forum.Topic, _random);
        events.Add(_community.ThreadCreated(at, threadId, forum.Id, title, asker));
        Post(at, threadId, asker, DemoText.Question(_random), null, events, threadId);
        events[^1] = _support.Asked(events[^1], threadId, title, asker, at);
        RememberThread(threadId, forum);
        return true;
    }

    private void RememberThread(ulong threadId, DemoChannel parent)
    {
        _threads.Add((threadId, parent));
        if (_threads.Count > 20)
        {
            _threads.RemoveAt(0);
        }
    }

    private bool Join(long at, List<IngestEvent> events)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var createdAt = at - DemoRhythm.DayMs * (30 + _random.Next(1500));
        var id = DemoIds.Make(createdAt, DemoIds.LiveJoinerWorker, (_joinerCounter >> 12) & 31, _joinerCounter & 4095);
        _joinerCounter++;
        var favorites = new[] { _community.ChatChannels.Pick(_random).Id };
        var member = new DemoMember(id, DemoNames.Member(_random, taken), false, _random.Next(2), 0.005, false, favorites);
        events.AddRange(_community.Joined(at, member));
        events.Add(DemoInvites.Attributed(_community, member.Id, at, leaves: false, posts: true));
        Post(at, _community.ChannelOf(DemoChannelKind.Welcome).Id, _community.ModerationBot, DemoText.Welcome(member.Name), null, events);
        _joiners.Add(member);
        return true;
    }

    private bool Leave(long at, List<IngestEvent> events)
    {
        if (_joiners.Count == 0)
        {
            return false;
        }

        var index = _random.Next(_joiners.Count);
        var member = _joiners[index];
        _joiners.RemoveAt(index);
        events.Add(_community.Left(at, member.Id));
        return true;
    }

    private bool BotPost(long at, List<IngestEvent> events)
    {
        if (_random.Chance(0.7))
        {
            Post(at, _community.ChannelOf(DemoChannelKind.BotFeed, "market-alerts").Id, _community.MarketBot, DemoText.MarketAlert(_random), null, events);
        }
        else
        {
            Post(at, _community.ChannelOf(DemoChannelKind.BotFeed, "deployments").Id, _community.DeployBot, DemoText.DeployNotice(_random), null, events);
        }

        return true;
    }

    /// <summary>Someone in a room leaves or toggles mute, or a regular who is not talking joins a room (often one with people in it).</summary>
    private bool Voice(long at, List<IngestEvent> events)
    {
        if (_community.VoiceChannels.Count == 0 || _community.VoiceRegulars.Count == 0)
        {
            return false;
        }

        if (_inVoice.Count > 0 && _random.Chance(0.5))
        {
            var (member, channelId, muted) = _inVoice.Values.ElementAt(_random.Next(_inVoice.Count));
            if (_random.Chance(0.7))
            {
                _inVoice.Remove(member.Id);
                events.Add(_community.VoiceState(at, member, channelId: null));
            }
            else
            {
                _inVoice[member.Id] = (member, channelId, !muted);
                events.Add(_community.VoiceState(at, member, channelId, muted: !muted));
            }

            return true;
        }

        var joiner = _community.VoiceRegulars[_random.Next(_community.VoiceRegulars.Count)];
        if (_inVoice.ContainsKey(joiner.Id))
        {
            return false;
        }

        var room = _inVoice.Count > 0 && _random.Chance(0.6)
            ? _inVoice.Values.ElementAt(_random.Next(_inVoice.Count)).ChannelId
            : _community.VoiceChannels[_random.Next(_community.VoiceChannels.Count)].Id;
        var listening = _random.Chance(0.2);
        _inVoice[joiner.Id] = (joiner, room, listening);
        events.Add(_community.VoiceState(at, joiner, room, muted: listening));
        return true;
    }
}
