using DiscordAnalytics.Core.Ingestion;

namespace DiscordAnalytics.Core.Demo;

/// <summary>
/// The live stream's support signals, with the history's rhythm (<see cref="DemoDay"/>): some askers mention the
/// moderators role; an answered help thread is tagged solved (55%) or archived (25%) some hours after its answer, or
/// stays open; an unanswered one is asked again a day later (35%), archived unanswered (20%), or stays open. Its own
/// random stream, so the rest of the live stream is what it was.
/// </summary>
internal sealed class DemoLiveSupport(DemoCommunity community, long startAt, MessageIdAllocator ids)
{
    private const int Followed = 500;

    private readonly DemoRandom _random = new(community.Seed, startAt, 17);
    private readonly List<DemoLiveHelpThread> _threads = [];

    /// <summary>A new help-forum post: its starter message, mentioning the moderators role for a few askers.</summary>
    public IngestEvent Asked(IngestEvent starter, ulong threadId, string title, DemoMember asker, long at)
    {
        var fate = _random.NextDouble();
        var delay = _random.Exponential(3 * DemoRhythm.HourMs) + 20 * DemoRhythm.MinuteMs;
        _threads.Add(new DemoLiveHelpThread(threadId, title, asker, at, fate, delay));
        if (_threads.Count > Followed)
        {
            _threads.RemoveAt(0);
        }

        return _random.Chance(DemoCommunity.ModeratorMentionShare) ? community.MentioningModerators(starter) : starter;
    }

    /// <summary>A message in a thread: the first one by someone other than the asker answers a help thread.</summary>
    public void Posted(ulong threadId, DemoMember author, long at)
    {
        var thread = _threads.Find(t => t.Id == threadId);
        if (thread is { AnsweredAt: null } && thread.Asker.Id != author.Id)
        {
            thread.AnsweredAt = at;
        }
    }

    /// <summary>Adds the fates that are due at <paramref name="at"/> (each thread's at most once).</summary>
    public void Step(long at, List<IngestEvent> events)
    {
        for (var i = 0; i < _threads.Count; i++)
        {
            var thread = _threads[i];
            var outcome = Due(thread, at);
            if (outcome is null)
            {
                continue;
            }

            events.Add(outcome);
            _threads.RemoveAt(i--);
        }
    }

    private IngestEvent? Due(DemoLiveHelpThread thread, long at)
    {
        if (thread.AnsweredAt is { } answeredAt)
        {
            return at < answeredAt + thread.DelayMs ? null : thread.Fate switch
            {
                < 0.55 => community.ThreadSolved(at, thread.Id, thread.Title, thread.Asker),
                < 0.8 => community.ThreadArchived(at, thread.Id, thread.Title, thread.Asker),
                _ => null,
            };
        }

        return thread.Fate switch
        {
            < 0.35 when at >= thread.AskedAt + DemoRhythm.DayMs + thread.DelayMs =>
                community.MessageCreated(at, thread.Id, ids.Next(at), thread.Asker, DemoText.Bump(_random), replyTo: null),
            >= 0.35 and < 0.55 when at >= thread.AskedAt + 12 * DemoRhythm.HourMs + thread.DelayMs =>
                community.ThreadArchived(at, thread.Id, thread.Title, thread.Asker),
            _ => null,
        };
    }
}
