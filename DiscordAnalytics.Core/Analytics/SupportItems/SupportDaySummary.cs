namespace DiscordAnalytics.Core.Analytics.SupportItems;

/// <summary>
/// What support signals sum over the help threads and questions started in one stretch of time (a UTC day, or the part
/// of one inside a window): sorted waits and resolution times (milliseconds, exact for medians and percentiles), the
/// threads not answered in time, and the escalations, newest first. Never changed once built.
/// </summary>
internal sealed class SupportDaySummary
{
    private static readonly long Within = (long)SupportSignalsQuery.AnswerWithin.TotalMilliseconds;

    private SupportDaySummary(IReadOnlyCollection<HelpThreadItem> threads, IReadOnlyCollection<HelpQuestionItem> questions)
    {
        ThreadCount = threads.Count;
        ThreadWaits = Sorted(threads.Where(t => t.Facts.Response is not null).Select(t => t.Facts.Response!.Value - t.StartedAt));
        QuestionWaits = Sorted(questions.Where(q => q.Row.AnsweredAt is not null).Select(q => q.Row.AnsweredAt!.Value - q.AskedAt));
        Resolutions = Sorted(threads.Where(t => t.ResolvedAt is not null).Select(t => Math.Max(0, t.ResolvedAt!.Value - t.StartedAt)));
        Late = [.. threads
            .Where(t => t.Facts.Response is not { } answer || answer - t.StartedAt > Within)
            .Select(t => new LateThread(t.StartedAt, t.Facts.ThreadId, t.Facts.StarterAuthorId))
            .OrderBy(t => t.StartedAt).ThenBy(t => t.ThreadId)];
        Escalations = [.. threads
            .Where(t => t.Escalation is not null)
            .Select(t => new FoundEscalation(SupportEscalation.Thread, t.Facts.ThreadId, t.Facts.ParentId, t.Facts.StarterAuthorId, t.Escalation!.Value.At, t.Escalation.Value.Reason))
            .Concat(questions
                .Where(q => q.Escalation is not null)
                .Select(q => new FoundEscalation(SupportEscalation.Question, q.Row.MessageId, q.Row.ChannelId, q.Row.AuthorId, q.Escalation!.Value.At, q.Escalation.Value.Reason)))
            .OrderByDescending(f => f.At).ThenByDescending(f => f.Id)];
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

    public static SupportDaySummary Of(IReadOnlyCollection<HelpThreadItem> threads, IReadOnlyCollection<HelpQuestionItem> questions) => new(threads, questions);

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

    private static long[] Sorted(IEnumerable<long> values)
    {
        var array = values.ToArray();
        Array.Sort(array);
        return array;
    }
}
