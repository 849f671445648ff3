using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Core.Demo;

/// <summary>What happens to a day's messages afterwards: reactions (and their removal), edits, deletes.</summary>
internal sealed partial class DemoDay
{
    private void FollowUps()
    {
        var modLog = _community.ChannelOf(DemoChannelKind.ModLog);
        // Iterate a snapshot: mod-log posts made here are bot messages that get no follow-ups.
        foreach (var message in _drafts.ToList())
        {
            var reactions = Reactions(message);
            if (message.Author.IsBot)
            {
                continue;
            }

            if (_random.Chance(0.03))
            {
                var editedAt = After(message.At, 5 * DemoRhythm.MinuteMs, 20_000);
                if (editedAt <= _cap)
                {
                    Add(_community.MessageEdited(editedAt, message.ChannelId, message.Id, message.Author, message.Excerpt));
                }
            }
            else if (reactions == 0 && !message.HasDependents && _random.Chance(0.012))
            {
                var deletedAt = After(message.At, 40 * DemoRhythm.MinuteMs, 30_000);
                if (deletedAt > _cap)
                {
                    continue;
                }

                Add(_community.MessageDeleted(deletedAt, message.ChannelId, message.Id));
                message.Deleted = true;
                if (_random.Chance(0.3))
                {
                    var channelName = _community.ChannelsById.TryGetValue(message.ChannelId, out var channel) ? channel.Name : "thread";
                    Post(deletedAt + 1000, modLog.Id, _community.ModerationBot, DemoText.ModLog(channelName));
                }
            }
        }

        ClownCleanup();
    }

    /// <summary>Adds the message's reactions (and a few removals); returns how many were added.</summary>
    private int Reactions(DemoDraftMessage message)
    {
        var target = message.ReactionTarget;
        if (target == 0)
        {
            var chance = message.Author.IsBot ? 0.08 : 0.33;
            if (!_random.Chance(chance))
            {
                return 0;
            }

            target = 1 + (int)Math.Min(_random.Exponential(1.3), 14);
        }

        var primary = _community.ReactionEmoji.Pick(_random);
        var seen = new HashSet<(ulong, string)>();
        var added = 0;
        for (var i = 0; i < target; i++)
        {
            var reactor = _community.Reactors.Pick(_random);
            var emoji = _random.Chance(0.6) ? primary : _community.ReactionEmoji.Pick(_random);
            if (reactor.Id == message.Author.Id || !seen.Add((reactor.Id, emoji)))
            {
                continue;
            }

            var at = After(message.At, message.ReactionDelayMean, 2000);
            if (at > _cap)
            {
                continue;
            }

            AddReaction(IngestEventType.ReactionAdd, at, message, reactor, emoji);
            added++;
            if (_random.Chance(0.04))
            {
                var removedAt = After(at, 20 * DemoRhythm.MinuteMs, 5000);
                if (removedAt <= _cap)
                {
                    AddReaction(IngestEventType.ReactionRemove, removedAt, message, reactor, emoji);
                }
            }
        }

        return added;
    }

    private void AddReaction(IngestEventType type, long at, DemoDraftMessage message, DemoMember reactor, string emoji) => Add(new IngestEvent
    {
        Type = type,
        GuildId = _community.GuildId,
        EventAt = at,
        ChannelId = message.ChannelId,
        MessageId = message.Id,
        UserId = reactor.Id,
        IsBot = reactor.IsBot,
        Emoji = emoji,
    });

    /// <summary>Now and then a few members pile clowns on a message and a moderator clears that emoji.</summary>
    private void ClownCleanup()
    {
        if (!_random.Chance(0.15) || _drafts.Count == 0)
        {
            return;
        }

        var message = _drafts[_random.Next(_drafts.Count)];
        if (message.Author.IsBot || message.Deleted)
        {
            return;
        }

        var last = message.At;
        var clowns = _random.Next(2, 5);
        var reactors = new HashSet<ulong>();
        for (var i = 0; i < clowns; i++)
        {
            var reactor = _community.Reactors.Pick(_random);
            var at = After(message.At, 10 * DemoRhythm.MinuteMs, 2000);
            if (reactor.Id == message.Author.Id || at > _cap || !reactors.Add(reactor.Id))
            {
                continue;
            }

            AddReaction(IngestEventType.ReactionAdd, at, message, reactor, DemoEmoji.Clown);
            last = Math.Max(last, at);
        }

        var clearedAt = After(last, 15 * DemoRhythm.MinuteMs, 10_000);
        if (reactors.Count > 0 && clearedAt <= _cap)
        {
            Add(new IngestEvent
            {
                Type = IngestEventType.ReactionRemoveEmoji,
                GuildId = _community.GuildId,
                EventAt = clearedAt,
                ChannelId = message.ChannelId,
                MessageId = message.Id,
                Emoji = DemoEmoji.Clown,
            });
        }
    }
}
