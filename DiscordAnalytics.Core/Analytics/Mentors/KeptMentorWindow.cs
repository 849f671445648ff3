namespace DiscordAnalytics.Core.Analytics.Mentors;

/// <summary>
/// One window's mentor figures summed over its days' summaries (<see cref="HeldMentors.Summary"/>), kept with the summaries
/// they were summed from and ranked best first, so a call after a live event takes out the summaries of the days it
/// dropped and adds their new ones: work proportional to the days that changed, not to the window or its candidates.
/// An answer message shared with items of other days (<see cref="MentorDaySummary.Shared"/>) counts its reactions once,
/// while any summed day lists it. Not thread-safe: its <see cref="HeldMentors"/>' owner uses it one caller at a time.
/// </summary>
internal sealed class KeptMentorWindow(long startAt, long endAt)
{
    private const long DayMs = 86_400_000;

    /// <summary>By first answers, then answers, then reactions (most first), then id.</summary>
    public static readonly Comparer<MentorScore> BestFirst = Comparer<MentorScore>.Create((a, b) =>
    {
        var order = b.FirstAnswers.CompareTo(a.FirstAnswers);
        order = order != 0 ? order : b.Answers.CompareTo(a.Answers);
        order = order != 0 ? order : b.ReactionsOnAnswers.CompareTo(a.ReactionsOnAnswers);
        return order != 0 ? order : a.User.CompareTo(b.User);
    });

    private readonly Dictionary<int, MentorDaySummary> _days = [];
    private readonly Dictionary<long, MentorFigures> _members = [];
    private readonly Dictionary<long, SharedAnswer> _shared = [];
    private readonly SortedSet<MentorScore> _ranked = new(BestFirst);

    /// <summary>Every candidate with their figures, best first.</summary>
    public IReadOnlySet<MentorScore> Ranked => _ranked;

    /// <summary>Brings the sums to the held items' current day summaries.</summary>
    public void Update(HeldMentors held)
    {
        var changed = new List<(int Day, MentorDaySummary? Now)>();
        for (var dayStart = HeldMentors.DayStart(startAt); dayStart < endAt; dayStart += DayMs)
        {
            var day = (int)(dayStart / DayMs);
            var now = held.Summary(day, startAt, endAt);
            if (!ReferenceEquals(now, _days.GetValueOrDefault(day)))
            {
                changed.Add((day, now));
            }
        }

        if (changed.Count == 0)
        {
            return;
        }

        // Every old summary out before any new one in: a shared answer whose reactions changed dropped each of its days, so
        // it leaves the sums with the reactions it was added with and comes back with its new ones.
        var before = new Dictionary<long, MentorFigures>();
        foreach (var (day, _) in changed)
        {
            if (_days.Remove(day, out var old))
            {
                Sum(old, -1, held, before);
            }
        }

        foreach (var (day, now) in changed)
        {
            if (now is not null)
            {
                _days[day] = now;
                Sum(now, 1, held, before);
            }
        }

        foreach (var (member, old) in before)
        {
            if (old.Answers != 0 || old.FirstAnswers != 0 || old.Reactions != 0)
            {
                _ranked.Remove(Score(member, old));
            }

            var figures = _members[member];
            if (figures.Answers == 0 && figures.FirstAnswers == 0 && figures.Reactions == 0)
            {
                _members.Remove(member);
            }
            else
            {
                _ranked.Add(Score(member, figures));
            }
        }
    }

    /// <summary>Adds (<paramref name="sign"/> 1) or takes out (-1) a day's summary; <paramref name="before"/> gets each touched member's figures before the update.</summary>
    private void Sum(MentorDaySummary summary, int sign, HeldMentors held, Dictionary<long, MentorFigures> before)
    {
        foreach (var (member, figures) in summary.Members)
        {
            ref var sum = ref Touch(member, before);
            sum.FirstAnswers += sign * figures.FirstAnswers;
            sum.Answers += sign * figures.Answers;
            sum.Reactions += sign * figures.Reactions;
        }

        foreach (var message in summary.Shared)
        {
            if (sign > 0)
            {
                if (_shared.TryGetValue(message, out var shared))
                {
                    _shared[message] = shared with { Uses = shared.Uses + 1 };
                    continue;
                }

                var answer = held.Messages[message];
                _shared[message] = new SharedAnswer(1, answer.Author, answer.Reactions ?? 0);
                Touch(answer.Author, before).Reactions += answer.Reactions ?? 0;
            }
            else
            {
                var shared = _shared[message];
                if (shared.Uses > 1)
                {
                    _shared[message] = shared with { Uses = shared.Uses - 1 };
                    continue;
                }

                _shared.Remove(message);
                Touch(shared.Author, before).Reactions -= shared.Reactions;
            }
        }
    }

    private ref MentorFigures Touch(long member, Dictionary<long, MentorFigures> before)
    {
        ref var sum = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_members, member, out _);
        before.TryAdd(member, sum);
        return ref sum;
    }

    private static MentorScore Score(long member, MentorFigures figures) => new(member, figures.FirstAnswers, figures.Answers, figures.Reactions);

    /// <summary>An answer message shared with items of other days: how many summed day summaries list it, and the reactions it was added with.</summary>
    private readonly record struct SharedAnswer(int Uses, long Author, long Reactions);
}
