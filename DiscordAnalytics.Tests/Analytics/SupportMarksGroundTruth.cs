using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Discord;
using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Tests.Analytics;

/// <summary>
/// Escalations and resolution of an event stream by brute force, independently of the store: the stream is replayed in
/// delivery order into plain records (messages with their role mentions, every thread observation, the forum's latest
/// tags), then each help thread and each help channel's whole history is read by the rules of docs/how-it-counts.md.
/// </summary>
public sealed class SupportMarksGroundTruth
{
    private readonly Dictionary<ulong, ulong> _threadParents = [];
    private readonly Dictionary<ulong, Fact> _messages = [];
    private readonly HashSet<ulong> _forgotten = [];
    private readonly List<(ulong Thread, ThreadStatus Status, long At)> _observations = [];
    private readonly Dictionary<ulong, HashSet<ulong>> _solvedTags = [];

    public SupportMarksGroundTruth(IEnumerable<IngestEvent> events)
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
            case IngestEventType.ChannelUpsert:
                if (e.ThreadStatus is { } status)
                {
                    _observations.Add((e.ChannelId!.Value, status, e.EventAt));
                }

                if (e.SolvedTagIds is { } tags)
                {
                    _solvedTags[e.ChannelId!.Value] = [.. tags];
                }

                break;
            case IngestEventType.MessageCreate:
                var (channel, thread) = Place(e.ChannelId!.Value);
                var roles = e.MentionedRoleIds?.ToHashSet() ?? [];
                if (_messages.TryGetValue(e.MessageId!.Value, out var known))
                {
                    if (!known.Created)
                    {
                        _messages[e.MessageId.Value] = known with { Author = e.UserId, IsBot = e.IsBot, Created = true, Roles = roles };
                    }
                }
                else
                {
                    _messages[e.MessageId.Value] = new Fact(e.MessageId.Value, channel, thread, e.UserId, e.IsBot, e.EventAt, e.ReferencedMessageId, true, false, roles);
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
                    _messages[e.MessageId.Value] = new Fact(e.MessageId.Value, c, t, null, false, Snowflake.ToUnixMs(e.MessageId.Value), null, false, true, []);
                }

                break;
            case IngestEventType.MemberForget:
                _forgotten.Add(e.UserId!.Value);
                foreach (var fact in _messages.Values.Where(m => m.Author == e.UserId).ToList())
                {
                    _messages[fact.Id] = fact with { Author = null, Deleted = true };
                }

                break;
        }
    }

    private (ulong Channel, ulong? Thread) Place(ulong channel) =>
        _threadParents.TryGetValue(channel, out var parent) ? (parent, channel) : (channel, null);

    /// <summary>The window's resolution numbers and escalations (all of them, newest first).</summary>
    public (double? Share, double? Median, double? P90, List<(string Kind, string Id, long At, string Reason)> Escalations) Compute(
        IReadOnlyCollection<ulong> help, IReadOnlySet<ulong> escalationRoles, long startAt, long endAt, bool bots, long periodMs)
    {
        var resolution = new List<double>();
        var threads = 0;
        var escalations = new List<(string Kind, ulong Id, long At, string Reason)>();
        foreach (var (thread, parent) in _threadParents.Where(t => help.Contains(t.Value)))
        {
            var messages = _messages.Values.Where(m => m.Thread == thread || (m.Thread is null && m.Id == thread)).OrderBy(m => m.At).ThenBy(m => m.Id).ToList();
            if (messages.Count == 0 || messages[0] is not { Gone: false, Author: { } asker } starter || (starter.IsBot && !bots) || starter.At < startAt || starter.At >= endAt)
            {
                continue;
            }

            threads++;
            var counted = messages.Where(m => !m.Gone && m.Author is not null && (bots || !m.IsBot)).ToList();
            var response = counted.Skip(1).FirstOrDefault(m => m.Author != asker && m.At >= starter.At)?.At;
            if (Resolved(thread, parent, response) is { } resolvedAt)
            {
                resolution.Add(Math.Max(0, resolvedAt - starter.At) / 60_000.0);
            }

            var mention = counted.Where(m => m.Author == asker && m.Roles.Overlaps(escalationRoles)).Select(m => (long?)m.At).Min();
            var again = counted.Where(m => m.Author == asker && m.At >= starter.At + periodMs && (response is null || m.At < response)).Select(m => (long?)m.At).Min();
            if (Escalation(mention, again) is { } hit)
            {
                escalations.Add((SupportEscalation.Thread, thread, hit.At, hit.Reason));
            }
        }

        foreach (var channel in help)
        {
            escalations.AddRange(Questions(channel, escalationRoles, startAt, endAt, bots, periodMs));
        }

        return (
            threads == 0 ? null : Math.Round((double)resolution.Count / threads, 3, MidpointRounding.AwayFromZero),
            SupportSignalsQuery.Median(resolution),
            SupportSignalsQuery.Percentile90(resolution),
            [.. escalations.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Select(e => (e.Kind, e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), e.At, e.Reason))]);
    }

    /// <summary>The first solved tag seen (by its archive time when archived then), or the first archive or lock at or after the response.</summary>
    private long? Resolved(ulong thread, ulong parent, long? response)
    {
        var solved = _solvedTags.GetValueOrDefault(parent) ?? [];
        var seen = _observations.Where(o => o.Thread == thread).ToList();
        var tagged = seen
            .Where(o => o.Status.AppliedTagIds.Any(solved.Contains))
            .Select(o => (long?)(o.Status is { Archived: true, ArchivedAt: { } a } && a < o.At ? a : o.At))
            .Min();
        var archives = seen.Where(o => o.Status is { Archived: true, ArchivedAt: not null }).Select(o => o.Status.ArchivedAt!.Value);
        var firstLock = seen.Where(o => (o.Status.Locked || o.Status.Archived) && o.Status is not { Archived: true, ArchivedAt: not null }).Select(o => (long?)o.At).Min();
        var closings = firstLock is { } l ? archives.Append(l) : archives;
        var closed = response is { } r ? closings.Where(c => c >= r).Select(c => (long?)c).Min() : null;
        return tagged is null ? closed : closed is null ? tagged : Math.Min(tagged.Value, closed.Value);
    }

    /// <summary>The channel's history replayed for its questions, then each question's run read for a mention or an ask-again.</summary>
    private IEnumerable<(string, ulong, long, string)> Questions(ulong channel, IReadOnlySet<ulong> roles, long startAt, long endAt, bool bots, long periodMs)
    {
        var within = (long)SupportSignalsQuery.AnswerWithin.TotalMilliseconds;
        var counted = _messages.Values
            .Where(m => m.Channel == channel && m.Thread is null && !m.Gone && m.Author is not null && (bots || !m.IsBot))
            .OrderBy(m => m.At).ThenBy(m => m.Id)
            .ToList();
        var questions = new List<(Fact Question, long? AnsweredAt)>();
        var open = new List<Fact>();
        ulong? previousAuthor = null;
        foreach (var message in counted)
        {
            open.RemoveAll(q => message.At - q.At > within);
            var answers = open.Where(q => q.Author != message.Author && (message.Reference is null || message.Reference == q.Id)).ToList();
            foreach (var question in answers)
            {
                open.Remove(question);
                var index = questions.FindIndex(q => q.Question.Id == question.Id);
                questions[index] = (question, message.At);
            }

            if (answers.Count == 0 && message.Reference is null && !message.IsBot && !_threadParents.ContainsKey(message.Id) && message.Author != previousAuthor)
            {
                open.Add(message);
                questions.Add((message, null));
            }

            previousAuthor = message.Author;
        }

        // The asker's own later messages count whoever's view it is (an asker is human).
        var askers = _messages.Values.Where(m => m.Channel == channel && m.Thread is null && !m.Gone && m.Author is not null).ToList();
        foreach (var (question, answeredAt) in questions.Where(q => q.Question.At >= startAt && q.Question.At < endAt))
        {
            var runEnd = counted.Where(m => m.At > question.At && m.Author != question.Author).Select(m => (long?)m.At).Min();
            var run = askers.Where(m => m.Author == question.Author && m.At >= question.At && (runEnd is null || m.At < runEnd)).ToList();
            var mention = run.Where(m => m.Roles.Overlaps(roles) && (bots || !m.IsBot)).Select(m => (long?)m.At).Min();
            var again = run.Where(m => m.At >= question.At + periodMs && (answeredAt is null || m.At < answeredAt)).Select(m => (long?)m.At).Min();
            if (Escalation(mention, again) is { } hit)
            {
                yield return (SupportEscalation.Question, question.Id, hit.At, hit.Reason);
            }
        }
    }

    private static (long At, string Reason)? Escalation(long? mention, long? again) =>
        (mention, again) switch
        {
            (null, null) => null,
            ({ } m, { } a) when a < m => (a, SupportEscalation.AskedAgain),
            ({ } m, _) => (m, SupportEscalation.RoleMention),
            (null, { } a) => (a, SupportEscalation.AskedAgain),
        };

    private sealed record Fact(ulong Id, ulong Channel, ulong? Thread, ulong? Author, bool IsBot, long At, ulong? Reference, bool Created, bool Deleted, HashSet<ulong> Roles)
    {
        public bool Gone => Deleted || !Created;
    }
}
