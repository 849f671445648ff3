namespace DiscordAnalytics.Core.Analytics.SupportItems;

/// <summary>
/// What support signals sum over the help threads and questions started in one stretch of time (a UTC day, or the part
/// of one inside a window): sorted waits and resolution times (milliseconds, exact for medians and percentiles), the
/// threads not answered in time, and the escalations, newest first. Never changed once built: a change of some of its
/// items makes a new one (<see cref="Patched"/>).
/// </summary>
internal sealed class SupportDaySummary
{
    private static readonly long Within = (long)SupportSignalsQuery.AnswerWithin.TotalMilliseconds;

    private static readonly Comparer<long> Ascending = Comparer<long>.Default;
    private static readonly Comparer<LateThread> ByStart = Comparer<LateThread>.Create((a, b) =>
        a.StartedAt != b.StartedAt ? a.StartedAt.CompareTo(b.StartedAt) : a.ThreadId.CompareTo(b.ThreadId));
    private static readonly Comparer<FoundEscalation> NewestFirst = Comparer<FoundEscalation>.Create((a, b) =>
        a.At != b.At ? b.At.CompareTo(a.At) : b.Id.CompareTo(a.Id));

    private SupportDaySummary(int threadCount, long[] threadWaits, long[] questionWaits, long[] resolutions, LateThread[] late, FoundEscalation[] escalations)
    {
        ThreadCount = threadCount;
        ThreadWaits = threadWaits;
        QuestionWaits = questionWaits;
        Resolutions = resolutions;
        Late = late;
        Escalations = escalations;
    }

    public int ThreadCount { get; }

    /// <summary>Milliseconds from start to first response of each answered thread, ascending.</summary>
    public long[] ThreadWaits { get; }

    /// <summary>Milliseconds from asking to the answer of each answered question, ascending.</summary>
    public long[] QuestionWaits { get; }

    /// <summary>Milliseconds from start to resolution of each resolved thread (never negative), ascending.</summary>
    public long[] Resolutions { get; }

    /// <summary>Threads not answered within the answer time, by start ascending.</summary>
    public LateThread[] Late { get; }

    /// <summary>Escalated threads and questions, newest (by when they escalated, then id) first.</summary>
    public FoundEscalation[] Escalations { get; }

    public static SupportDaySummary Of(IReadOnlyCollection<HelpThreadItem> threads, IReadOnlyCollection<HelpQuestionItem> questions)
    {
        var parts = new Parts();
        parts.Add(threads, questions);
        return new(threads.Count, Sorted(parts.ThreadWaits, Ascending), Sorted(parts.QuestionWaits, Ascending), Sorted(parts.Resolutions, Ascending), Sorted(parts.Late, ByStart), Sorted(parts.Escalations, NewestFirst));
    }

    /// <summary>
    /// This summary with the parts of the items taken out removed and those of the items put in added (an item changed
    /// is in both, as it was and as it is): the same values as summing the day's items now, in one pass over each sorted
    /// array. Every value taken out is the one its item put in, so it is found; were one not, the day is summed again.
    /// </summary>
    public SupportDaySummary? Patched(List<HelpThreadItem> threadsOut, List<HelpThreadItem> threadsIn, List<HelpQuestionItem> questionsOut, List<HelpQuestionItem> questionsIn)
    {
        var taken = new Parts();
        taken.Add(threadsOut, questionsOut);
        var put = new Parts();
        put.Add(threadsIn, questionsIn);
        var threadWaits = Patch(ThreadWaits, taken.ThreadWaits, put.ThreadWaits, Ascending);
        var questionWaits = Patch(QuestionWaits, taken.QuestionWaits, put.QuestionWaits, Ascending);
        var resolutions = Patch(Resolutions, taken.Resolutions, put.Resolutions, Ascending);
        var late = Patch(Late, taken.Late, put.Late, ByStart);
        var escalations = Patch(Escalations, taken.Escalations, put.Escalations, NewestFirst);
        return threadWaits is null || questionWaits is null || resolutions is null || late is null || escalations is null
            ? null
            : new(ThreadCount - threadsOut.Count + threadsIn.Count, threadWaits, questionWaits, resolutions, late, escalations);
    }

    /// <summary>How many late threads started at or before <paramref name="latestStart"/> (their answer time is over).</summary>
    public int LateUntil(long latestStart)
    {
        int lo = 0, hi = Late.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Late[mid].StartedAt <= latestStart)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static T[] Sorted<T>(List<T> values, Comparer<T> order)
    {
        var array = values.ToArray();
        Array.Sort(array, order);
        return array;
    }

    /// <summary><paramref name="sorted"/> without one equal of each of <paramref name="taken"/> and with <paramref name="put"/>; null when one taken is not there.</summary>
    private static T[]? Patch<T>(T[] sorted, List<T> taken, List<T> put, Comparer<T> order)
    {
        if (taken.Count == 0 && put.Count == 0)
        {
            return sorted;
        }

        taken.Sort(order);
        put.Sort(order);
        var result = new T[sorted.Length - taken.Count + put.Count];
        int t = 0, p = 0, n = 0;
        foreach (var value in sorted)
        {
            if (t < taken.Count && order.Compare(taken[t], value) < 0)
            {
                return null;
            }

            if (t < taken.Count && order.Compare(taken[t], value) == 0)
            {
                t++;
                continue;
            }

            while (p < put.Count && order.Compare(put[p], value) < 0)
            {
                result[n++] = put[p++];
            }

            if (n == result.Length)
            {
                return null;
            }

            result[n++] = value;
        }

        while (p < put.Count && n < result.Length)
        {
            result[n++] = put[p++];
        }

        return t == taken.Count && p == put.Count && n == result.Length ? result : null;
    }

    /// <summary>What some threads and questions put in a summary, unsorted.</summary>
    private sealed class Parts
    {
        public List<long> ThreadWaits { get; } = [];

        public List<long> QuestionWaits { get; } = [];

        public List<long> Resolutions { get; } = [];

        public List<LateThread> Late { get; } = [];

        public List<FoundEscalation> Escalations { get; } = [];

        public void Add(IEnumerable<HelpThreadItem> threads, IEnumerable<HelpQuestionItem> questions)
        {
            foreach (var t in threads)
            {
                if (t.Facts.Response is { } response)
                {
                    ThreadWaits.Add(response - t.StartedAt);
                }

                if (t.ResolvedAt is { } resolvedAt)
                {
                    Resolutions.Add(Math.Max(0, resolvedAt - t.StartedAt));
                }

                if (t.Facts.Response is not { } answer || answer - t.StartedAt > Within)
                {
                    Late.Add(new LateThread(t.StartedAt, t.Facts.ThreadId, t.Facts.StarterAuthorId));
                }

                if (t.Escalation is { } hit)
                {
                    Escalations.Add(new FoundEscalation(SupportEscalation.Thread, t.Facts.ThreadId, t.Facts.ParentId, t.Facts.StarterAuthorId, hit.At, hit.Reason));
                }
            }

            foreach (var q in questions)
            {
                if (q.Row.AnsweredAt is { } answeredAt)
                {
                    QuestionWaits.Add(answeredAt - q.AskedAt);
                }

                if (q.Escalation is { } hit)
                {
                    Escalations.Add(new FoundEscalation(SupportEscalation.Question, q.Row.MessageId, q.Row.ChannelId, q.Row.AuthorId, hit.At, hit.Reason));
                }
            }
        }
    }
}
