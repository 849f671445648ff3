namespace DiscordAnalytics.Core.Analytics.SupportItems;

/// <summary>
/// The held help threads and questions started on one UTC day, and their summary: a change of a few of them patches
/// the summary by what they contributed before and after (<see cref="SupportDaySummary.Patched"/>) rather than summing
/// the whole day again, which a busy help channel's every message would otherwise cost.
/// </summary>
internal sealed class HeldSupportDay
{
    private SupportDaySummary? _summary;
    private readonly List<HelpThreadItem> _threadsOut = [];
    private readonly List<HelpThreadItem> _threadsIn = [];
    private readonly List<HelpQuestionItem> _questionsOut = [];
    private readonly List<HelpQuestionItem> _questionsIn = [];

    public Dictionary<long, HelpThreadItem> Threads { get; } = [];

    public Dictionary<long, HelpQuestionItem> Questions { get; } = [];

    /// <summary>Takes a thread out (its summary part is taken out at the next <see cref="SummaryOf"/>).</summary>
    public void Remove(HelpThreadItem thread)
    {
        Threads.Remove(thread.Facts.ThreadId);
        Changed(_threadsOut, thread);
    }

    public void Add(HelpThreadItem thread)
    {
        Threads[thread.Facts.ThreadId] = thread;
        Changed(_threadsIn, thread);
    }

    public void Remove(HelpQuestionItem question)
    {
        Questions.Remove(question.Row.MessageId);
        Changed(_questionsOut, question);
    }

    public void Add(HelpQuestionItem question)
    {
        Questions[question.Row.MessageId] = question;
        Changed(_questionsIn, question);
    }

    /// <summary>The day's summary: built once, then patched by the items changed since (built again when they are many).</summary>
    public SupportDaySummary SummaryOf()
    {
        var changed = _threadsOut.Count + _threadsIn.Count + _questionsOut.Count + _questionsIn.Count;
        if (_summary is not null && changed > 0)
        {
            // A patch costs a pass over the day's sorted values plus the changes; past this share a new sum is as cheap.
            _summary = changed * 8 > Threads.Count + Questions.Count ? null : _summary.Patched(_threadsOut, _threadsIn, _questionsOut, _questionsIn);
        }

        _threadsOut.Clear();
        _threadsIn.Clear();
        _questionsOut.Clear();
        _questionsIn.Clear();
        return _summary ??= SupportDaySummary.Of(Threads.Values, Questions.Values);
    }

    /// <summary>A summary of the part of the day in [<paramref name="startAt"/>, <paramref name="endAt"/>).</summary>
    public SupportDaySummary SummaryBetween(long startAt, long endAt) => SupportDaySummary.Of(
        [.. Threads.Values.Where(t => t.StartedAt >= startAt && t.StartedAt < endAt)],
        [.. Questions.Values.Where(q => q.AskedAt >= startAt && q.AskedAt < endAt)]);

    /// <summary>Changes are noted only while a summary exists to patch: without one the next call sums the day.</summary>
    private void Changed<T>(List<T> changes, T item)
    {
        if (_summary is not null)
        {
            changes.Add(item);
        }
    }
}
