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

    /// <summary>The distinct terms of one excerpt, in order of first appearance.</summary>
    public static IEnumerable<string> Of(string excerpt)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var start = -1;
        for (var i = 0; i <= excerpt.Length; i++)
        {
            var inWord = i < excerpt.Length && char.IsLetterOrDigit(excerpt[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                var term = excerpt[start..i].ToLowerInvariant();
                start = -1;
                if (IsTerm(term) && seen.Add(term))
                {
                    yield return term;
                }
            }
        }
    }

    /// <summary>Top terms over many excerpts: count desc, then keyword ascending (ordinal).</summary>
    public static IReadOnlyList<KeywordCount> Top(IEnumerable<string> excerpts, int top)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var excerpt in excerpts)
        {
            foreach (var term in Of(excerpt))
            {
                counts[term] = counts.GetValueOrDefault(term) + 1;
            }
        }

        return [.. counts
            .OrderByDescending(x => x.Value)
            .ThenBy(x => x.Key, StringComparer.Ordinal)
            .Take(top)
            .Select(x => new KeywordCount(x.Key, x.Value))];
    }

    private static bool IsTerm(string term) =>
        term.Length >= MinLength && !term.All(char.IsDigit) && !StopWords.Contains(term);
}
