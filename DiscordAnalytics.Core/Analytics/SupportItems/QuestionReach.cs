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
}
