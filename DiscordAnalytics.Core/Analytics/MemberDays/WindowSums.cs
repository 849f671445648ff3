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

    /// <summary>
    /// The window's unique active members and reactors: the kept sums' counts with the last day's members new to them,
    /// counted on first use only (a pass over the last day's members, which the ranking cards never need).
    /// </summary>
    private (int Active, int Reactors)? _counts;

    public WindowSums(MemberSums closed, MemberDay? last, bool bots, int members) =>
        (_closed, _last, _bots, Members) = (closed, last, bots, members);

    /// <summary>The kept sums of all days but the last: the same object while none of those days changed.</summary>
    public MemberSums Closed => _closed;

    /// <summary>The last day as it is now (null for an empty range).</summary>
    public MemberDay? LastDay => _last;

    /// <summary>How many member indexes there are (every index below it may have numbers).</summary>
    public int Members { get; }

    public int ActiveCount => Counts().Active;

    public int ReactorCount => Counts().Reactors;

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

    private (int Active, int Reactors) Counts()
    {
        if (_counts is { } counted)
        {
            return counted;
        }

        var (active, reactors) = (_closed.ActiveCount, _closed.ReactorCount);
        if (_last is not null)
        {
            for (var i = 0; i < _last.Count; i++)
            {
                if (!_bots && _last.IsBotAt(i))
                {
                    continue;
                }

                var member = _last.MemberAt(i);
                active += _last.IsActiveAt(i) && !_closed.IsActive(member) ? 1 : 0;
                reactors += _last.ReactionsAt(i) > 0 && !_closed.IsReactor(member) ? 1 : 0;
            }
        }

        _counts = (active, reactors);
        return (active, reactors);
    }

    /// <summary>The member's entry in the last day, when it has one that counts (bots only with bots).</summary>
    private int? Last(int member) =>
        _last is not null && _last.TryPosition(member, out var at) && (_bots || !_last.IsBotAt(at)) ? at : null;
}
