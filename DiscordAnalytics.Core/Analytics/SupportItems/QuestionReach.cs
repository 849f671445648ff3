namespace DiscordAnalytics.Core.Analytics.SupportItems;

/// <summary>
/// From when a help channel's questions may have changed after its messages changed from a time on: answers of questions
/// asked up to the answer time before; and the questions whose runs may still be open there (the last asker's questions
/// back to the previous question by someone else, whose message ended the runs before it). Shared by every copy that
/// holds a channel's questions (the support signals' items, the mentors).
/// </summary>
internal static class QuestionReach
{
    private static readonly long Within = (long)SupportSignalsQuery.AnswerWithin.TotalMilliseconds;

    /// <param name="heldFrom">The first time the copy holds.</param>
    /// <param name="held">The channel's held questions by (asked at, message id); null when it holds none.</param>
    /// <param name="askerOf">The asker of a held question.</param>
    /// <param name="changedFrom">The earliest changed message time.</param>
    public static long ChangedFrom(long heldFrom, SortedSet<(long AskedAt, long MessageId)>? held, Func<long, long> askerOf, long changedFrom)
    {
        var from = Math.Max(heldFrom, changedFrom - Within);
        if (held is null || held.Count == 0 || held.Min.AskedAt >= from)
        {
            return from;
        }

        long? author = null;
        foreach (var (askedAt, messageId) in held.GetViewBetween(held.Min, (from, long.MinValue)).Reverse())
        {
            var asker = askerOf(messageId);
            if (author is { } last && asker != last)
            {
                break;
            }

            author = asker;
            from = askedAt;
        }

        return from;
    }

    /// <summary>
    /// The held questions asked before <paramref name="changedFrom"/> that a change from then on may change: those asked
    /// from <see cref="ChangedFrom"/> on that were not answered before it. One answered earlier keeps its answer (the
    /// first one counts), and its run and waiting ended at that answer, so neither can it escalate again; the writer
    /// itself rewrites only the questions asked from the change on and sets the answers of the ones open there.
    /// </summary>
    /// <param name="answeredAt">The stored answer time of a held question (null: none).</param>
    public static List<long> OpenBefore(
        long heldFrom, SortedSet<(long AskedAt, long MessageId)>? held, Func<long, long> askerOf, Func<long, long?> answeredAt, long changedFrom)
    {
        var from = ChangedFrom(heldFrom, held, askerOf, changedFrom);
        if (held is null || held.Count == 0 || from >= changedFrom)
        {
            return [];
        }

        return [.. held.GetViewBetween((from, long.MinValue), (changedFrom - 1, long.MaxValue))
            .Select(q => q.MessageId)
            .Where(id => answeredAt(id) is not { } at || at >= changedFrom)];
    }
}
