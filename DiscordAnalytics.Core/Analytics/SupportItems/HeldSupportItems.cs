namespace DiscordAnalytics.Core.Analytics.SupportItems;

/// <summary>
/// One guild's help threads and questions (of one view: bots counted or not) started from <see cref="From"/> on, by UTC
/// day, as read with the settings in <see cref="Key"/>. A window's figures sum its days' summaries; a changed thread or
/// question patches only its day's summary. Not thread-safe: its owner reads and changes it one caller at a time.
/// </summary>
internal sealed class HeldSupportItems(long from, string key)
{
    private const long DayMs = 86_400_000;
    private static readonly long Within = (long)SupportSignalsQuery.AnswerWithin.TotalMilliseconds;

    private readonly Dictionary<int, HeldSupportDay> _days = [];
    private readonly Dictionary<long, HelpThreadItem> _threads = [];
    private readonly Dictionary<long, HelpQuestionItem> _questions = [];

    /// <summary>Per channel, its held questions by (asked at, message id).</summary>
    private readonly Dictionary<long, SortedSet<(long AskedAt, long MessageId)>> _channels = [];

    /// <summary>The first UTC midnight held: every thread and question started from then on is held.</summary>
    public long From { get; } = from;

    /// <summary>The help channels, escalation roles and escalation period the items were read with.</summary>
    public string Key { get; } = key;

    public int ThreadCount => _threads.Count;

    public int QuestionCount => _questions.Count;

    public static long DayStart(long at) => Math.DivRem(at, DayMs, out var rest) * DayMs - (rest < 0 ? DayMs : 0);

    /// <summary>Puts a thread as read now (null: it is no help thread of the view any more, or gone).</summary>
    public void SetThread(long threadId, HelpThreadItem? item)
    {
        if (_threads.Remove(threadId, out var old))
        {
            DayOf(old.StartedAt).Remove(old);
        }

        if (item is not null && item.StartedAt >= From)
        {
            _threads[threadId] = item;
            DayOf(item.StartedAt).Add(item);
        }
    }

    /// <summary>
    /// The held questions asked before <paramref name="changedFrom"/> that a change of the channel's messages from then on
    /// may change (<see cref="QuestionReach.OpenBefore"/>): those asked from its reach on that were not answered before it.
    /// </summary>
    public List<long> QuestionsOpenBefore(long channel, long changedFrom) =>
        QuestionReach.OpenBefore(From, _channels.GetValueOrDefault(channel), id => _questions[id].Row.AuthorId, id => _questions[id].Row.AnsweredAt, changedFrom);

    /// <summary>Replaces the held questions <paramref name="ids"/> by <paramref name="items"/> (those of them read now; the others are gone).</summary>
    public void ReplaceQuestions(IEnumerable<long> ids, IEnumerable<HelpQuestionItem> items)
    {
        foreach (var id in ids)
        {
            RemoveQuestion(id);
        }

        foreach (var item in items)
        {
            AddQuestion(item);
        }
    }

    /// <summary>Replaces a channel's questions asked from <paramref name="from"/> on by <paramref name="items"/> (read from then on).</summary>
    public void SetQuestions(long channel, long from, IEnumerable<HelpQuestionItem> items)
    {
        if (_channels.TryGetValue(channel, out var held) && held.Count > 0 && held.Max.AskedAt >= from)
        {
            foreach (var (_, messageId) in held.GetViewBetween((from, long.MinValue), held.Max).ToList())
            {
                RemoveQuestion(messageId);
            }
        }

        foreach (var item in items)
        {
            AddQuestion(item);
        }
    }

    public void AddQuestion(HelpQuestionItem item)
    {
        if (item.AskedAt < From)
        {
            return;
        }

        RemoveQuestion(item.Row.MessageId);
        _questions[item.Row.MessageId] = item;
        if (!_channels.TryGetValue(item.Row.ChannelId, out var held))
        {
            _channels[item.Row.ChannelId] = held = [];
        }

        held.Add((item.AskedAt, item.Row.MessageId));
        DayOf(item.AskedAt).Add(item);
    }

    /// <summary>The window's figures; <paramref name="startAt"/> must be at or after <see cref="From"/>.</summary>
    public SupportWindowFigures Figures(long startAt, long endAt, long now, int listed)
    {
        var summaries = new List<SupportDaySummary>();
        for (var dayStart = DayStart(startAt); dayStart < endAt; dayStart += DayMs)
        {
            if (_days.TryGetValue((int)(dayStart / DayMs), out var day) && (day.Threads.Count > 0 || day.Questions.Count > 0))
            {
                summaries.Add(dayStart >= startAt && dayStart + DayMs <= endAt ? day.SummaryOf() : day.SummaryBetween(startAt, endAt));
            }
        }

        var latestLate = now - Within;
        var unanswered = summaries.Sum(s => (long)s.LateUntil(latestLate));
        var newest = new List<LateThread>();
        for (var i = summaries.Count - 1; i >= 0 && newest.Count < listed; i--)
        {
            // Days are in time order: a later day's threads are all newer than an earlier day's.
            newest.AddRange(summaries[i].Late.Take(summaries[i].LateUntil(latestLate)));
        }

        List<long[]> threadWaits = [.. summaries.Select(s => s.ThreadWaits)];
        List<long[]> questionWaits = [.. summaries.Select(s => s.QuestionWaits)];
        List<long[]> resolutions = [.. summaries.Select(s => s.Resolutions)];
        List<long[]> allWaits = [.. threadWaits, .. questionWaits];
        return new SupportWindowFigures(
            summaries.Sum(s => s.ThreadCount),
            unanswered,
            [.. newest.OrderByDescending(t => t.StartedAt).ThenByDescending(t => t.ThreadId).Take(listed)],
            SortedUnion.Median(threadWaits),
            SortedUnion.Median(questionWaits),
            SortedUnion.Median(allWaits),
            SortedUnion.Percentile90(allWaits),
            (int)SortedUnion.Count(resolutions),
            SortedUnion.Median(resolutions),
            SortedUnion.Percentile90(resolutions),
            summaries.Sum(s => (long)s.Escalations.Length),
            [.. summaries.SelectMany(s => s.Escalations.Take(listed)).OrderByDescending(f => f.At).ThenByDescending(f => f.Id).Take(listed)]);
    }

    private void RemoveQuestion(long messageId)
    {
        if (!_questions.Remove(messageId, out var old))
        {
            return;
        }

        _channels[old.Row.ChannelId].Remove((old.AskedAt, messageId));
        DayOf(old.AskedAt).Remove(old);
    }

    private HeldSupportDay DayOf(long at)
    {
        var key = (int)(DayStart(at) / DayMs);
        if (!_days.TryGetValue(key, out var day))
        {
            _days[key] = day = new HeldSupportDay();
        }

        return day;
    }
}
