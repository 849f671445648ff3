using DiscordAnalytics.Core.Analytics.SupportItems;

namespace DiscordAnalytics.Core.Analytics.Mentors;

/// <summary>
/// One guild's help threads and questions (humans only) started from <see cref="From"/> on, with their answers and the
/// help channels' replies, by UTC day, as read with the help channels in <see cref="Key"/>. A window's mentors merge its
/// days' summaries; a changed thread, question, reply or answer's reactions patches the summaries of the days it
/// touches, and the kept windows that sum them, by what it took out and put in (<see cref="MentorDayChanges"/>). Not thread-safe: its owner reads and changes it one caller at a time.
/// </summary>
internal sealed class HeldMentors(long from, string key)
{
    private const long DayMs = 86_400_000;

    private readonly Dictionary<long, HeldAsked> _asked = [];
    private readonly Dictionary<int, Dictionary<long, HeldAsked>> _days = [];
    private readonly Dictionary<int, MentorDaySummary> _summaries = [];
    private readonly Dictionary<long, SortedSet<(long At, long Id)>> _questions = [];
    private readonly Dictionary<long, HeldReply> _replies = [];
    private readonly Dictionary<long, SortedSet<(long At, long Id)>> _channelReplies = [];
    private readonly Dictionary<long, List<long>> _repliesTo = [];
    private readonly Dictionary<long, HeldAnswerMessage> _messages = [];
    private readonly HashSet<long> _unread = [];
    private readonly MentorDayChanges _changes = new();
    private readonly KeptWindows<KeptMentorWindow> _windows = new(WindowsKept, (startAt, endAt) => new KeptMentorWindow(startAt, endAt));

    /// <summary>The first UTC midnight held: every thread and question started from then on is held.</summary>
    public long From { get; } = from;

    /// <summary>The help channels the items were read with.</summary>
    public string Key { get; } = key;

    public IReadOnlyDictionary<long, HeldAnswerMessage> Messages => _messages;

    public static long DayStart(long at) => Math.DivRem(at, DayMs, out var rest) * DayMs - (rest < 0 ? DayMs : 0);

    /// <summary>Answer messages whose reactions are not read yet (new answers): the owner reads and sets them.</summary>
    public List<long> TakeUnread()
    {
        List<long> unread = [.. _unread];
        _unread.Clear();
        return unread;
    }

    /// <summary>Sets a message's present reactions; a message answering nothing held is left alone.</summary>
    public void SetReactions(long message, long reactions)
    {
        if (_messages.TryGetValue(message, out var held) && held.Reactions != reactions)
        {
            TouchMessage(message);
            held.Reactions = reactions;
        }
    }

    public bool IsAnswer(long message) => _messages.ContainsKey(message);

    /// <summary>Puts a thread as read now (null: no help thread any more, or gone).</summary>
    public void SetThread(long id, HeldAsked? thread)
    {
        Remove(id);
        if (thread is not null)
        {
            Add(thread);
        }
    }

    /// <summary>The held questions asked before <paramref name="changedFrom"/> that a change of the channel's messages from then on may change (<see cref="QuestionReach.OpenBefore"/>).</summary>
    public List<long> QuestionsOpenBefore(long channel, long changedFrom) =>
        QuestionReach.OpenBefore(From, _questions.GetValueOrDefault(channel), id => _asked[id].Asker, id => _asked[id].AnsweredAt, changedFrom);

    /// <summary>Replaces the held questions <paramref name="ids"/> by <paramref name="items"/> (those of them read now; the others are gone).</summary>
    public void ReplaceQuestions(IEnumerable<long> ids, IEnumerable<HeldAsked> items)
    {
        foreach (var id in ids)
        {
            Remove(id);
        }

        foreach (var item in items)
        {
            Add(item);
        }
    }

    /// <summary>Replaces a channel's questions asked from <paramref name="from"/> on by <paramref name="items"/> (read from then on).</summary>
    public void SetQuestions(long channel, long from, IEnumerable<HeldAsked> items)
    {
        if (_questions.TryGetValue(channel, out var held) && held.Count > 0 && held.Max.At >= from)
        {
            foreach (var (_, id) in held.GetViewBetween((from, long.MinValue), held.Max).ToList())
            {
                Remove(id);
            }
        }

        foreach (var item in items)
        {
            Add(item);
        }
    }

    /// <summary>Replaces a channel's replies posted from <paramref name="from"/> on by <paramref name="replies"/> (read from then on).</summary>
    public void SetReplies(long channel, long from, IEnumerable<HeldReply> replies)
    {
        var touched = new HashSet<long>();
        if (_channelReplies.TryGetValue(channel, out var held) && held.Count > 0 && held.Max.At >= from)
        {
            foreach (var (_, id) in held.GetViewBetween((from, long.MinValue), held.Max).ToList())
            {
                var reply = _replies[id];
                _replies.Remove(id);
                held.Remove((reply.At, id));
                var to = _repliesTo[reply.Referenced];
                to.Remove(id);
                if (to.Count == 0)
                {
                    _repliesTo.Remove(reply.Referenced);
                }

                touched.Add(reply.Referenced);
            }
        }

        foreach (var reply in replies)
        {
            AddReply(reply);
            touched.Add(reply.Referenced);
        }

        foreach (var id in touched)
        {
            if (_asked.TryGetValue(id, out var asked))
            {
                Refresh(asked);
            }
        }
    }

    /// <summary>A reply read whole (no question is refreshed: the items added after it see it).</summary>
    public void AddReply(HeldReply reply)
    {
        if (reply.At < From || !_replies.TryAdd(reply.Message, reply))
        {
            return;
        }

        if (!_channelReplies.TryGetValue(reply.Channel, out var held))
        {
            _channelReplies[reply.Channel] = held = [];
        }

        held.Add((reply.At, reply.Message));
        if (!_repliesTo.TryGetValue(reply.Referenced, out var to))
        {
            _repliesTo[reply.Referenced] = to = [];
        }

        to.Add(reply.Message);
    }

    /// <summary>Adds a thread or question (one not held).</summary>
    public void Add(HeldAsked item)
    {
        if (item.At < From)
        {
            return;
        }

        // New here: its part is put in when the changes are applied, none taken out.
        TouchItem(item.Id);
        _asked[item.Id] = item;
        var day = DayOf(item.At);
        if (!_days.TryGetValue(day, out var items))
        {
            _days[day] = items = [];
        }

        items[item.Id] = item;
        if (!item.IsThread)
        {
            if (!_questions.TryGetValue(item.Channel, out var held))
            {
                _questions[item.Channel] = held = [];
            }

            held.Add((item.At, item.Id));
        }

        Refresh(item);
    }

    /// <summary>The figures of the items started in [<paramref name="startAt"/>, <paramref name="endAt"/>), kept between calls and brought up to the day summaries now.</summary>
    public KeptMentorWindow Window(long startAt, long endAt)
    {
        ApplyChanges();
        var window = _windows.Get(startAt, endAt);
        window.Update(this);
        return window;
    }

    /// <summary>How many windows' figures are kept at most (a dashboard asks a few: the window picked, the summary's, the draft's).</summary>
    public const int WindowsKept = 8;

    /// <summary>The summary of the held items started in [<paramref name="startAt"/>, <paramref name="endAt"/>) of one day, kept when the day is whole.</summary>
    public MentorDaySummary? Summary(int day, long startAt, long endAt)
    {
        ApplyChanges();
        if (!_days.TryGetValue(day, out var items) || items.Count == 0)
        {
            return null;
        }

        var dayStart = day * DayMs;
        if (startAt <= dayStart && endAt >= dayStart + DayMs)
        {
            if (!_summaries.TryGetValue(day, out var summary))
            {
                _summaries[day] = summary = MentorDaySummary.Of(items.Values, whole: true, day, _messages);
            }

            return summary;
        }

        return MentorDaySummary.Of(items.Values.Where(i => i.At >= startAt && i.At < endAt), whole: false, day, _messages);
    }

    private void Remove(long id)
    {
        if (!_asked.ContainsKey(id))
        {
            return;
        }

        TouchItem(id);
        _asked.Remove(id, out var old);
        var day = DayOf(old!.At);
        _days[day].Remove(id);
        if (!old.IsThread)
        {
            _questions[old.Channel].Remove((old.At, id));
        }

        SetAnswers(old, day, []);
    }

    /// <summary>Works out an item's answers now (a question's recorded answer and its replies) and moves the answer messages' uses.</summary>
    private void Refresh(HeldAsked item)
    {
        var answers = item.Own;
        if (!item.IsThread && _repliesTo.TryGetValue(item.Id, out var replies))
        {
            answers = [.. answers.Concat(replies.Select(r => _replies[r])
                .Where(r => r.Channel == item.Channel && r.Author != item.Asker)
                .Select(r => new MentorAnswer(r.Author, r.At, r.Message)))
                .DistinctBy(a => a.Message)];
        }

        TouchItem(item.Id);
        SetAnswers(item, DayOf(item.At), answers);
    }

    private void SetAnswers(HeldAsked item, int day, MentorAnswer[] answers)
    {
        foreach (var old in item.Answers)
        {
            TouchMessage(old.Message);
            var message = _messages[old.Message];
            if (--message.Days[day] == 0)
            {
                message.Days.Remove(day);
                if (message.Days.Count == 0)
                {
                    _messages.Remove(old.Message);
                    _unread.Remove(old.Message);
                }
            }
        }

        item.Answers = answers;
        foreach (var answer in answers)
        {
            TouchMessage(answer.Message);
            if (!_messages.TryGetValue(answer.Message, out var message))
            {
                _messages[answer.Message] = message = new HeldAnswerMessage(answer.Author);
                _unread.Add(answer.Message);
            }

            message.Days[day] = message.Days.GetValueOrDefault(day) + 1;
        }
    }

    /// <summary>Before an item changes or goes: its part is taken out of its day's summary (once per change; only where a summary is kept).</summary>
    private void TouchItem(long id)
    {
        if (_summaries.Count > 0 && _changes.Items.Add(id) && _asked.TryGetValue(id, out var item) && _summaries.ContainsKey(DayOf(item.At)))
        {
            _changes.Taken(DayOf(item.At)).AddItem(item, DayOf(item.At));
        }
    }

    /// <summary>Before an answer message's days or reactions change: its part is taken out of each of its days' summaries.</summary>
    private void TouchMessage(long id)
    {
        if (_summaries.Count > 0 && _changes.Messages.Add(id) && _messages.TryGetValue(id, out var message))
        {
            foreach (var day in message.Days.Keys.Where(_summaries.ContainsKey))
            {
                _changes.Taken(day).AddMessage(id, message, whole: true);
            }
        }
    }

    /// <summary>
    /// Puts the changed items' and messages' parts in as they are now, then patches each kept day summary and each kept
    /// window that sums it by what it lost and gained: a few members' figures, not the day's.
    /// </summary>
    private void ApplyChanges()
    {
        if (_changes.Items.Count == 0 && _changes.Messages.Count == 0)
        {
            return;
        }

        foreach (var id in _changes.Items)
        {
            if (_asked.TryGetValue(id, out var item) && _summaries.ContainsKey(DayOf(item.At)))
            {
                _changes.Put(DayOf(item.At)).AddItem(item, DayOf(item.At));
            }
        }

        foreach (var id in _changes.Messages)
        {
            if (_messages.TryGetValue(id, out var message))
            {
                foreach (var day in message.Days.Keys.Where(_summaries.ContainsKey))
                {
                    _changes.Put(day).AddMessage(id, message, whole: true);
                }
            }
        }

        foreach (var (day, (taken, put)) in _changes.Days)
        {
            var summary = _summaries[day];
            summary.Merge(taken, -1);
            summary.Merge(put, 1);
        }

        foreach (var window in _windows.All)
        {
            window.Apply(_changes.Days, _summaries, this);
        }

        _changes.Clear();
    }

    private static int DayOf(long at) => (int)(DayStart(at) / DayMs);
}
