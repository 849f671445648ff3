namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// Terms of message excerpts for <c>commonKeywords</c>: lowercase (invariant), split on anything that is not a
/// letter or digit, without English stop words, words shorter than <see cref="MinLength"/> characters and
/// pure numbers. Each term counts once per message.
/// </summary>
public static class Keywords
{
    public const int MinLength = 3;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "about", "above", "after", "again", "against", "all", "also", "and", "any", "are", "aren", "because",
        "been", "before", "being", "below", "between", "both", "but", "can", "cannot", "could", "couldn", "did",
        "didn", "does", "doesn", "doing", "don", "down", "during", "each", "even", "ever", "few", "for", "from",
        "further", "get", "got", "had", "hadn", "has", "hasn", "have", "haven", "having", "her", "here", "hers",
        "herself", "him", "himself", "his", "how", "into", "isn", "its", "itself", "just", "let", "like", "more",
        "most", "much", "must", "mustn", "myself", "not", "now", "off", "once", "one", "only", "other", "ought",
        "our", "ours", "ourselves", "out", "over", "own", "same", "shan", "she", "should", "shouldn", "some",
        "still", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these",
        "they", "this", "those", "through", "too", "under", "until", "very", "was", "wasn", "way", "were",
        "weren", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "won", "would",
        "wouldn", "yes", "yet", "you", "your", "yours", "yourself", "yourselves",

        // Chat filler that otherwise tops every community's list (seen on the demo community).
        "anybody", "anyone", "anything", "else", "everyone", "everything", "going", "know", "lol", "okay",
        "really", "see", "somebody", "someone", "something", "thing", "things", "think", "want", "yeah",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordLookup = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Top terms over many excerpts: count desc, then keyword ascending (ordinal).</summary>
    public static IReadOnlyList<KeywordCount> Top(IEnumerable<string> excerpts, int top)
    {
        // Hot for long windows (every excerpt of the window): terms are looked up as spans of one lowered
        // buffer, so only a term seen for the first time allocates a string.
        var counts = new Dictionary<string, TermCount>(StringComparer.Ordinal);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        var buffer = new char[256];
        var message = 0;
        foreach (var excerpt in excerpts)
        {
            message++;
            if (buffer.Length < excerpt.Length)
            {
                buffer = new char[excerpt.Length];
            }

            var lowered = buffer.AsSpan(0, excerpt.Length);
            excerpt.AsSpan().ToLowerInvariant(lowered);
            var start = -1;
            for (var i = 0; i <= lowered.Length; i++)
            {
                var inWord = i < lowered.Length && char.IsLetterOrDigit(lowered[i]);
                if (inWord && start < 0)
                {
                    start = i;
                }
                else if (!inWord && start >= 0)
                {
                    Count(lookup, lowered[start..i], message);
                    start = -1;
                }
            }
        }

        return [.. counts
            .OrderByDescending(x => x.Value.Count)
            .ThenBy(x => x.Key, StringComparer.Ordinal)
            .Take(top)
            .Select(x => new KeywordCount(x.Key, x.Value.Count))];
    }

    private static void Count(Dictionary<string, TermCount>.AlternateLookup<ReadOnlySpan<char>> lookup, ReadOnlySpan<char> term, int message)
    {
        if (lookup.TryGetValue(term, out var known))
        {
            // Once per message: the term already counted for this message stays at its count.
            if (known.LastMessage != message)
            {
                lookup[term] = new TermCount(known.Count + 1, message);
            }

            return;
        }

        if (IsTerm(term))
        {
            lookup[term] = new TermCount(1, message);
        }
    }

    private static bool IsTerm(ReadOnlySpan<char> term) =>
        term.Length >= MinLength && !IsNumber(term) && !StopWordLookup.Contains(term);

    private static bool IsNumber(ReadOnlySpan<char> term)
    {
        foreach (var c in term)
        {
            if (!char.IsDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private readonly record struct TermCount(long Count, int LastMessage);
}
