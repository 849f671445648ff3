namespace DiscordAnalytics.Core.Analytics.Mentors;

/// <summary>
/// What a window needs of some help threads and questions (one UTC day's, or part of one): per member the items they
/// answered first and at all and the reactions on answers that answer nothing outside these items; the answer messages
/// that also answer items elsewhere (their reactions are added once per window, at the merge); and how many items
/// were started per help channel and UTC quarter hour (the office-hours draft). It is the sum of each item's part
/// (<see cref="AddItem"/>) and each answer message's part (<see cref="AddMessage"/>), so a day's summary is kept up to
/// date by taking out the parts of what changed as they were and putting them in as they are (<see cref="Merge"/>).
/// </summary>
internal sealed class MentorDaySummary
{
    /// <summary>Quarter hours in a UTC day: every time zone's offset is a whole number of quarter hours.</summary>
    public const int QuarterHours = 96;

    private const long QuarterHourMs = 900_000;

    public Dictionary<long, MentorFigures> Members { get; } = [];

    /// <summary>Answer messages shared with items outside these ones (once each).</summary>
    public List<long> Shared { get; } = [];

    /// <summary>Per help channel, the items started in each UTC quarter hour of the day.</summary>
    public Dictionary<long, int[]> Starts { get; } = [];

    /// <param name="items">The items, all of one UTC day.</param>
    /// <param name="whole">Every held item of the day: a message used only on this day counts its reactions here.</param>
    /// <param name="day">The items' UTC day.</param>
    /// <param name="messages">The held answer messages.</param>
    public static MentorDaySummary Of(IEnumerable<HeldAsked> items, bool whole, int day, IReadOnlyDictionary<long, HeldAnswerMessage> messages)
    {
        var summary = new MentorDaySummary();
        var answers = new HashSet<long>();
        foreach (var item in items)
        {
            summary.AddItem(item, day);
            foreach (var answer in item.Answers)
            {
                answers.Add(answer.Message);
            }
        }

        foreach (var message in answers)
        {
            summary.AddMessage(message, messages[message], whole);
        }

        return summary;
    }

    /// <summary>An item's part: its start, its first answerer and each member who answered it.</summary>
    public void AddItem(HeldAsked item, int day)
    {
        if (!Starts.TryGetValue(item.Channel, out var starts))
        {
            Starts[item.Channel] = starts = new int[QuarterHours];
        }

        starts[(int)((item.At - (day * 86_400_000L)) / QuarterHourMs)]++;
        var answers = item.Answers;
        if (answers.Length == 0)
        {
            return;
        }

        var first = answers[0];
        foreach (var answer in answers)
        {
            if (answer.At < first.At || (answer.At == first.At && answer.Message < first.Message))
            {
                first = answer;
            }
        }

        Figures(first.Author).FirstAnswers++;
        // Many messages of one member in one thread are one answer; a busy thread's authors are tracked in a set.
        var authors = answers.Length > 16 ? new HashSet<long>() : null;
        for (var i = 0; i < answers.Length; i++)
        {
            var answer = answers[i];
            if (authors?.Add(answer.Author) ?? !SeenBefore(answers, i, answer.Author))
            {
                Figures(answer.Author).Answers++;
            }
        }
    }

    /// <summary>An answer message's part: its reactions when it answers items of this day only (a whole day's summary), else listed as shared.</summary>
    public void AddMessage(long id, HeldAnswerMessage message, bool whole)
    {
        if (whole && message.Days.Count == 1)
        {
            Figures(message.Author).Reactions += message.Reactions ?? 0;
        }
        else
        {
            Shared.Add(id);
        }
    }

    /// <summary>Adds (<paramref name="sign"/> 1) or takes out (-1) another summary's parts; a member left with nothing is dropped.</summary>
    public void Merge(MentorDaySummary other, int sign)
    {
        foreach (var (member, figures) in other.Members)
        {
            ref var sum = ref Figures(member);
            sum.FirstAnswers += sign * figures.FirstAnswers;
            sum.Answers += sign * figures.Answers;
            sum.Reactions += sign * figures.Reactions;
            if (sum.FirstAnswers == 0 && sum.Answers == 0 && sum.Reactions == 0)
            {
                Members.Remove(member);
            }
        }

        foreach (var message in other.Shared)
        {
            if (sign > 0)
            {
                Shared.Add(message);
            }
            else
            {
                Shared.Remove(message);
            }
        }

        foreach (var (channel, counts) in other.Starts)
        {
            if (!Starts.TryGetValue(channel, out var starts))
            {
                Starts[channel] = starts = new int[QuarterHours];
            }

            for (var i = 0; i < counts.Length; i++)
            {
                starts[i] += sign * counts[i];
            }
        }
    }

    private static bool SeenBefore(MentorAnswer[] answers, int index, long author)
    {
        for (var i = 0; i < index; i++)
        {
            if (answers[i].Author == author)
            {
                return true;
            }
        }

        return false;
    }

    private ref MentorFigures Figures(long member) =>
        ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(Members, member, out _);
}
