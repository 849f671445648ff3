namespace DiscordAnalytics.Core.Analytics.MemberDays;

/// <summary>
/// A window's per-member sums: the cached sums of all its days but the last (<see cref="MemberSums"/>, reused while
/// those days are unchanged) plus its last day read as it is now, so a live change to today costs today's members,
/// never the window's. Valid only under the guild's gate, like the days it reads.
/// </summary>
internal sealed class WindowSums
{
    private readonly MemberSums _closed;
    private readonly MemberDay? _last;
    private readonly bool _bots;

    public WindowSums(MemberSums closed, MemberDay? last, bool bots, int members)
    {
        (_closed, _last, _bots, Members) = (closed, last, bots, members);
        (ActiveCount, ReactorCount) = (closed.ActiveCount, closed.ReactorCount);
        if (last is null)
        {
            return;
        }

        for (var i = 0; i < last.Count; i++)
        {
            if (!bots && last.IsBotAt(i))
            {
                continue;
            }

            var member = last.MemberAt(i);
            ActiveCount += last.IsActiveAt(i) && !closed.IsActive(member) ? 1 : 0;
            ReactorCount += last.ReactionsAt(i) > 0 && !closed.IsReactor(member) ? 1 : 0;
        }
    }

    /// <summary>The kept sums of all days but the last: the same object while none of those days changed.</summary>
    public MemberSums Closed => _closed;

    /// <summary>The last day as it is now (null for an empty range).</summary>
    public MemberDay? LastDay => _last;

    /// <summary>How many member indexes there are (every index below it may have numbers).</summary>
    public int Members { get; }

    public int ActiveCount { get; }

    public int ReactorCount { get; }

    public bool IsActive(int member) => _closed.IsActive(member) || Last(member) is { } at && _last!.IsActiveAt(at);

    public bool IsReactor(int member) => _closed.IsReactor(member) || Last(member) is { } at && _last!.ReactionsAt(at) > 0;

    public (long Messages, long Reactions, long Threads) Of(int member)
    {
        var (messages, reactions, threads) = ((long)_closed.Messages(member), (long)_closed.Reactions(member), (long)_closed.Threads(member));
        if (Last(member) is { } at)
        {
            (messages, reactions, threads) = (messages + _last!.MessagesAt(at), reactions + _last.ReactionsAt(at), threads + _last.ThreadsAt(at));
        }

        return (messages, reactions, threads);
    }

    /// <summary>
    /// Every member's numbers at once, into spans of at least <see cref="Members"/> entries: the cached sums copied, the
    /// last day added entry by entry. What ranking reads (one pass, no lookup per member).
    /// </summary>
    public void CopyTo(Span<int> messages, Span<int> reactions, Span<int> threads)
    {
        _closed.CopyTo(messages, reactions, threads);
        if (_last is null)
        {
            return;
        }

        for (var i = 0; i < _last.Count; i++)
        {
            if (_bots || !_last.IsBotAt(i))
            {
                var member = _last.MemberAt(i);
                messages[member] += _last.MessagesAt(i);
                reactions[member] += _last.ReactionsAt(i);
                threads[member] += _last.ThreadsAt(i);
            }
        }
    }

    /// <summary>The member's entry in the last day, when it has one that counts (bots only with bots).</summary>
    private int? Last(int member) =>
        _last is not null && _last.TryPosition(member, out var at) && (_bots || !_last.IsBotAt(at)) ? at : null;
}
