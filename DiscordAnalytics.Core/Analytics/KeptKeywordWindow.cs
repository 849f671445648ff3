namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// One window's keyword counts summed over its held days' top terms (<see cref="KeywordDayEntry.Top"/>), kept with the
/// top lists they were summed from, so a call after a live message takes out the lists of the days that changed and adds
/// their new ones: work proportional to the days that changed, not to the window (a year is 365 lists of
/// <see cref="KeywordDays.TermsPerDay"/> terms). Stop words and numbers are left out as they are added
/// (<see cref="Keywords.IsTerm(ReadOnlySpan{char})"/>: a day stored before a word joined the stop list never shows it).
/// Not thread-safe: <see cref="KeywordDayCache"/> uses it under its guild's lock.
/// </summary>
internal sealed class KeptKeywordWindow(int start, int end)
{
    private readonly IReadOnlyList<KeywordCount>?[] _summed = new IReadOnlyList<KeywordCount>?[end - start];
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);

    /// <summary>Brings the sums to <paramref name="held"/>, which holds every day of the window.</summary>
    public void Update(IReadOnlyDictionary<int, KeywordDayEntry> held)
    {
        for (var day = start; day < end; day++)
        {
            // A day's list is replaced whenever it is counted again or added to, and kept as it is otherwise.
            var now = held[day].Top;
            var old = _summed[day - start];
            if (ReferenceEquals(now, old))
            {
                continue;
            }

            if (old is not null)
            {
                Add(old, -1);
            }

            Add(now, 1);
            _summed[day - start] = now;
        }
    }

    /// <summary>A copy of the window's counts (the caller's to keep).</summary>
    public Dictionary<string, long> Counts() => new(_counts, StringComparer.Ordinal);

    private void Add(IReadOnlyList<KeywordCount> terms, int sign)
    {
        foreach (var term in terms)
        {
            if (!Keywords.IsTerm(term.Keyword))
            {
                continue;
            }

            var count = _counts.GetValueOrDefault(term.Keyword) + (sign * term.Count);
            if (count == 0)
            {
                _counts.Remove(term.Keyword);
            }
            else
            {
                _counts[term.Keyword] = count;
            }
        }
    }
}
