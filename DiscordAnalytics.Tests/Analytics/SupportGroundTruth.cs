using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Tests.Analytics;

/// <summary>
/// Support signals of an event stream by brute force, independently of the store: the stream is replayed in delivery
/// order into plain message records (a delete before its create keeps a tombstone the create cannot revive, a forget
/// takes the member's messages' authors and drops their later events), then each help thread and each help channel's
/// whole history is read by the rules of docs/how-it-counts.md.
/// </summary>
public sealed partial class SupportGroundTruth
{
    private static readonly long Within = (long)SupportSignalsQuery.AnswerWithin.TotalMilliseconds;
    private readonly Dictionary<ulong, ulong> _threadParents = [];
    private readonly Dictionary<ulong, Fact> _messages = [];
    private readonly HashSet<ulong> _forgotten = [];

    public SupportGroundTruth(IEnumerable<IngestEvent> events)
    {
        foreach (var e in events)
        {
            Apply(e);
        }
    }

    private void Apply(IngestEvent e)
    {
        if (e.UserId is { } user && _forgotten.Contains(user) && e.Type != IngestEventType.MemberForget)
        {
            return;
        }

        switch (e.Type)
        {
            case IngestEventType.ThreadCreate:
                _threadParents.TryAdd(e.ChannelId!.Value, e.ParentId!.Value);
                break;
            case IngestEventType.MessageCreate:
                var (channel, thread) = Place(e.ChannelId!.Value);
                if (_messages.TryGetValue(e.MessageId!.Value, out var known))
                {
                    if (!known.Created)
                    {
                        _messages[e.MessageId.Value] = known with { Author = e.UserId, IsBot = e.IsBot, Created = true };
                    }
                }
                else
                {
                    _messages[e.MessageId.Value] = new Fact(e.MessageId.Value, channel, thread, e.UserId, e.IsBot, e.EventAt, e.ReferencedMessageId, Created: true, Deleted: false);
                }

                break;
            case IngestEventType.MessageDelete:
                if (_messages.TryGetValue(e.MessageId!.Value, out var deleted))
                {
                    _messages[e.MessageId.Value] = deleted with { Deleted = true };
                }
                else
                {
                    var (c, t) = Place(e.ChannelId!.Value);
                    _messages[e.MessageId.Value] = new Fact(e.MessageId.Value, c, t, null, false, Snowflake.ToUnixMs(e.MessageId.Value), null, Created: false, Deleted: true);
                }

                break;
            case IngestEventType.ReactionAdd or IngestEventType.ReactionRemove:
                ApplyReaction(e);
                break;
            case IngestEventType.MemberForget:
                _forgotten.Add(e.UserId!.Value);
                ForgetReactions(e.UserId.Value);
                foreach (var fact in _messages.Values.Where(m => m.Author == e.UserId).ToList())
                {
                    _messages[fact.Id] = fact with { Author = null, Deleted = true };
                }

                break;
        }
    }

    private (ulong Channel, ulong? Thread) Place(ulong channel) =>
        _threadParents.TryGetValue(channel, out var parent) ? (parent, channel) : (channel, null);

    public SupportSignals Compute(IReadOnlyCollection<ulong> helpChannels, long startAt, long endAt, long now, bool bots)
    {
        var (unanswered, threadMinutes) = Threads(helpChannels, startAt, endAt, now, bots);
        var questionMinutes = helpChannels.SelectMany(c => Questions(c, startAt, endAt, bots)).ToList();
        return new SupportSignals(unanswered.Count, SupportSignalsQuery.Median([.. threadMinutes, .. questionMinutes]), [])
        {
            MedianThreadFirstResponseMinutes = SupportSignalsQuery.Median(threadMinutes),
            MedianMessageFirstResponseMinutes = SupportSignalsQuery.Median(questionMinutes),
            P90FirstResponseMinutes = SupportSignalsQuery.Percentile90([.. threadMinutes, .. questionMinutes]),
            HasHelpChannels = helpChannels.Count > 0,
            UnansweredThreadList = [.. unanswered
                .OrderByDescending(s => s.At).ThenByDescending(s => s.Thread)
                .Take(SupportSignalsQuery.MaxUnansweredListed)
                .Select(s => new UnansweredHelpThread(s.Thread.ToString(System.Globalization.CultureInfo.InvariantCulture), null, "", s.At, ""))],
        };
    }

    private (List<(ulong Thread, long At)> Unanswered, List<double> Minutes) Threads(IReadOnlyCollection<ulong> help, long startAt, long endAt, long now, bool bots)
    {
        var unanswered = new List<(ulong, long)>();
        var minutes = new List<double>();
        foreach (var (thread, parent) in _threadParents.Where(t => help.Contains(t.Value)))
        {
            var messages = _messages.Values
                .Where(m => m.Thread == thread || (m.Thread is null && m.Id == thread))
                .OrderBy(m => m.At).ThenBy(m => m.Id)
                .ToList();
            if (messages.Count == 0)
            {
                continue;
            }

            var starter = messages[0];
            if (starter.Gone || starter.Author is null || (starter.IsBot && !bots) || starter.At < startAt || starter.At >= endAt)
            {
                continue;
            }

            var response = messages.Skip(1).FirstOrDefault(m => !m.Gone && m.Author is not null && m.Author != starter.Author && (bots || !m.IsBot));
            if (response is not null)
            {
                minutes.Add((response.At - starter.At) / 60_000.0);
            }

            if ((response is null || response.At - starter.At > Within) && now >= starter.At + Within)
            {
                unanswered.Add((thread, starter.At));
            }
        }

        return (unanswered, minutes);
    }

    private List<double> Questions(ulong channel, long startAt, long endAt, bool bots) =>
        [.. QuestionsOf(channel, bots)
            .Where(q => q.Answer is not null && q.Question.At >= startAt && q.Question.At < endAt)
            .Select(q => (q.Answer!.At - q.Question.At) / 60_000.0)];

    /// <summary>Every question of the channel with its answer (null: none within 24 h): the channel's whole history replayed, a question's state carrying over from before any window.</summary>
    private List<(Fact Question, Fact? Answer)> QuestionsOf(ulong channel, bool bots)
    {
        var asked = new List<(Fact, Fact?)>();
        var open = new List<Fact>();
        ulong? previousAuthor = null;
        var counted = _messages.Values
            .Where(m => m.Channel == channel && m.Thread is null && !m.Gone && m.Author is not null && (bots || !m.IsBot))
            .OrderBy(m => m.At).ThenBy(m => m.Id);
        foreach (var message in counted)
        {
            foreach (var expired in open.Where(q => message.At - q.At > Within).ToList())
            {
                open.Remove(expired);
                asked.Add((expired, null));
            }

            var answers = open.Where(q => q.Author != message.Author && (message.Reference is null || message.Reference == q.Id)).ToList();
            foreach (var question in answers)
            {
                open.Remove(question);
                asked.Add((question, message));
            }

            var startedThread = _threadParents.ContainsKey(message.Id);
            if (answers.Count == 0 && message.Reference is null && !message.IsBot && !startedThread && message.Author != previousAuthor)
            {
                open.Add(message);
            }

            previousAuthor = message.Author;
        }

        asked.AddRange(open.Select(q => (q, (Fact?)null)));
        return asked;
    }

    private sealed record Fact(ulong Id, ulong Channel, ulong? Thread, ulong? Author, bool IsBot, long At, ulong? Reference, bool Created, bool Deleted)
    {
        public bool Gone => Deleted || !Created;
    }
}
