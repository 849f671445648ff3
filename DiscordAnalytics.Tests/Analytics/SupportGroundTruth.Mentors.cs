using DiscordAnalytics.Core.Analytics.Mentors;
using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Tests.Analytics;

/// <summary>
/// Mentor candidates of the same replayed stream by brute force: reactions as state (present when the latest add is newer
/// than the latest remove, whatever the arrival order; a forget takes the member's reactions), then every help thread's
/// messages and every help channel's questions with their answers and replies, by the rules of docs/how-it-counts.md.
/// </summary>
public sealed partial class SupportGroundTruth
{
    private readonly Dictionary<(ulong Message, string Emoji, ulong User), (long At, bool IsBot)> _latestReactionAdds = [];
    private readonly Dictionary<(ulong Message, string Emoji, ulong User), long> _latestReactionRemoves = [];

    private void ApplyReaction(IngestEvent e)
    {
        var key = (e.MessageId!.Value, e.Emoji!, e.UserId!.Value);
        if (e.Type == IngestEventType.ReactionAdd)
        {
            if (!_latestReactionAdds.TryGetValue(key, out var known) || e.EventAt > known.At)
            {
                _latestReactionAdds[key] = (e.EventAt, e.IsBot);
            }
        }
        else if (e.EventAt > _latestReactionRemoves.GetValueOrDefault(key, long.MinValue))
        {
            _latestReactionRemoves[key] = e.EventAt;
        }
    }

    private void ForgetReactions(ulong user)
    {
        foreach (var key in _latestReactionAdds.Keys.Where(k => k.User == user).ToList())
        {
            _latestReactionAdds.Remove(key);
        }
    }

    /// <summary>Every candidate for help threads and questions asked in [startAt, endAt), best first (hidden members included).</summary>
    public IReadOnlyList<MentorScore> Mentors(IReadOnlyCollection<ulong> help, long startAt, long endAt)
    {
        var answers = new List<(ulong Asked, Fact Message)>();
        foreach (var (thread, _) in _threadParents.Where(t => help.Contains(t.Value)))
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
            if (starter.Gone || starter.Author is null || starter.IsBot || starter.At < startAt || starter.At >= endAt)
            {
                continue;
            }

            answers.AddRange(messages.Skip(1).Where(m => Answers(m, starter)).Select(m => (thread, m)));
        }

        foreach (var channel in help)
        {
            foreach (var (question, answer) in QuestionsOf(channel, bots: false).Where(q => q.Question.At >= startAt && q.Question.At < endAt))
            {
                var replies = _messages.Values.Where(m => m.Channel == channel && m.Thread is null && m.Reference == question.Id && Answers(m, question));
                answers.AddRange(replies.Append(answer).OfType<Fact>().DistinctBy(m => m.Id).Select(m => (question.Id, m)));
            }
        }

        var firsts = answers.GroupBy(a => a.Asked)
            .Select(g => g.MinBy(a => (a.Message.At, a.Message.Id)).Message.Author!.Value)
            .CountBy(author => author)
            .ToDictionary();
        return [.. answers.GroupBy(a => a.Message.Author!.Value)
            .Select(g => new MentorScore(
                (long)g.Key,
                firsts.GetValueOrDefault(g.Key),
                g.Select(a => a.Asked).Distinct().LongCount(),
                g.Select(a => a.Message.Id).Distinct().Sum(m => (long)ReactionsFromOthers(m, g.Key))))
            .OrderByDescending(m => m.FirstAnswers).ThenByDescending(m => m.Answers).ThenByDescending(m => m.ReactionsOnAnswers).ThenBy(m => m.User)];
    }

    private static bool Answers(Fact message, Fact asked) =>
        !message.Gone && message.Author is { } author && author != asked.Author && !message.IsBot;

    private int ReactionsFromOthers(ulong message, ulong author) =>
        _latestReactionAdds.Count(r => r.Key.Message == message && r.Key.User != author && !r.Value.IsBot
            && r.Value.At > _latestReactionRemoves.GetValueOrDefault(r.Key, long.MinValue));
}
