namespace DiscordAnalytics.Core.Analytics.Mentors;

/// <summary>
/// One window's mentor figures summed over its days' summaries (<see cref="HeldMentors.Summary"/>), kept with the summaries
/// they were summed from and ranked best first. A change of held items patches the kept whole days' summaries and every
/// kept window by the parts it took out and put in (<see cref="Apply"/>), and only the members whose figures moved move
/// in the ranking: work proportional to what changed, not to the day, the window or its candidates. A day summed from
/// another summary (a partial day, a new one) is taken out and summed again at the next call (<see cref="Update"/>).
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

        Rank(before);
    }

    /// <summary>
    /// Patches the sums by the changes of kept day summaries (<see cref="MentorDayChanges.Days"/>: each day's parts taken
    /// out and put in) for the whole days this window sums from those very summaries; a day summed otherwise (a partial
    /// day, one not summed yet) is brought up by <see cref="Update"/>.
    /// </summary>
    public void Apply(Dictionary<int, (MentorDaySummary Taken, MentorDaySummary Put)> changes, Dictionary<int, MentorDaySummary> summaries, HeldMentors held)
    {
        var before = new Dictionary<long, MentorFigures>();
        var applied = changes.Where(c => _days.TryGetValue(c.Key, out var summed) && ReferenceEquals(summed, summaries[c.Key])).ToList();
        foreach (var (_, (taken, _)) in applied)
        {
            Sum(taken, -1, held, before);
        }

        foreach (var (_, (_, put)) in applied)
        {
            Sum(put, 1, held, before);
        }

        Rank(before);
    }

    /// <summary>Moves the members whose figures changed in the ranking; one left with nothing leaves it.</summary>
    private void Rank(Dictionary<long, MentorFigures> before)
    {
        foreach (var (member, old) in before)
        {
            var figures = _members[member];
            if (figures.Answers == old.Answers && figures.FirstAnswers == old.FirstAnswers && figures.Reactions == old.Reactions)
            {
                if (IsNone(figures))
                {
                    _members.Remove(member);
                }

                continue;
            }

            if (!IsNone(old))
            {
                _ranked.Remove(Score(member, old));
            }

            if (IsNone(figures))
            {
                _members.Remove(member);
            }
            else
            {
                _ranked.Add(Score(member, figures));
            }
        }
    }

    private static bool IsNone(MentorFigures figures) => figures.Answers == 0 && figures.FirstAnswers == 0 && figures.Reactions == 0;

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
                var answer = held.Messages[message];
                if (_shared.TryGetValue(message, out var shared))
                {
                    // Summed again with its reactions now: a patch may put a shared answer's day back while another day still lists it.
                    var now = answer.Reactions ?? 0;
                    Touch(shared.Author, before).Reactions += now - shared.Reactions;
                    _shared[message] = shared with { Uses = shared.Uses + 1, Reactions = now };
                    continue;
                }

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
