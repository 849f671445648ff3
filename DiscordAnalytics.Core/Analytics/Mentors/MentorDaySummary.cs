namespace DiscordAnalytics.Core.Analytics.Mentors;

/// <summary>
/// What a window needs of some help threads and questions (one UTC day's, or part of one): per member the items they
/// answered first and at all and the reactions on answers that answer nothing outside these items; the answer messages
/// that also answer items elsewhere (their reactions are added once per window, at the merge); and how many items
/// were started per help channel and UTC quarter hour (the office-hours draft).
/// </summary>
internal sealed class MentorDaySummary
{
    /// <summary>Quarter hours in a UTC day: every time zone's offset is a whole number of quarter hours.</summary>
    public const int QuarterHours = 96;

    private const long QuarterHourMs = 900_000;

    public Dictionary<long, MentorFigures> Members { get; } = [];

    /// <summary>Answer messages shared with items outside these ones.</summary>
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
        var dayStart = day * 86_400_000L;
        HashSet<long>? counted = null;
        foreach (var item in items)
        {
            if (!summary.Starts.TryGetValue(item.Channel, out var starts))
            {
                summary.Starts[item.Channel] = starts = new int[QuarterHours];
            }

            starts[(int)((item.At - dayStart) / QuarterHourMs)]++;
            var answers = item.Answers;
            if (answers.Length == 0)
            {
                continue;
            }

            var first = answers[0];
            foreach (var answer in answers)
            {
                if (answer.At < first.At || (answer.At == first.At && answer.Message < first.Message))
                {
                    first = answer;
                }
            }

            Figures(summary, first.Author).FirstAnswers++;
            // Many messages of one member in one thread are one answer; a busy thread's authors are tracked in a set.
            var authors = answers.Length > 16 ? new HashSet<long>() : null;
            for (var i = 0; i < answers.Length; i++)
            {
                var answer = answers[i];
                if (authors?.Add(answer.Author) ?? !SeenBefore(answers, i, answer.Author))
                {
                    Figures(summary, answer.Author).Answers++;
                }

                var message = messages[answer.Message];
                if (!whole || message.Days.Count > 1)
                {
                    summary.Shared.Add(answer.Message);
                }
                else if (message.Days[day] == 1 || (counted ??= []).Add(answer.Message))
                {
                    Figures(summary, answer.Author).Reactions += message.Reactions ?? 0;
                }
            }
        }

        return summary;
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

    private static ref MentorFigures Figures(MentorDaySummary summary, long member) =>
        ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(summary.Members, member, out _);
}
