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

        // Words that are frequent every day in any chat: time words, greetings, thanks, everyday verbs and
        // adverbs. They say when or how people talk, never what about.
        "today", "tomorrow", "tonight", "yesterday", "morning", "afternoon", "evening", "night", "day", "days",
        "week", "weeks", "weekend", "month", "year", "time", "times", "soon", "later", "already",
        "always", "never", "sometimes", "often", "every", "next", "last", "early", "late", "finally", "actually",
        "honestly", "probably", "maybe", "pretty", "quite", "literally", "definitely", "basically", "totally",
        "hey", "hello", "hiya", "thanks", "thank", "thx", "please", "welcome", "good", "great", "nice", "cool",
        "awesome", "fine", "best", "better", "happy", "sure", "right", "well", "new", "first", "lot", "lots", "bit",
        "guys", "folks", "people", "watching", "looking", "trying", "getting", "working", "make", "made",
        "take", "took", "come", "came", "said", "say", "tell", "told", "need", "needs", "use", "used", "using",
        "look", "looks", "feel", "feels", "try", "tried", "went", "gone", "keep", "kept", "give", "gave",
        "gonna", "wanna", "gotta", "haha", "lmao", "omg", "btw", "idk", "tbh", "imo", "pls", "plz", "yep", "nope",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordLookup = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Top terms over many excerpts: count desc, then keyword ascending (ordinal).</summary>
    public static IReadOnlyList<KeywordCount> Top(IEnumerable<string> excerpts, int top) => Top(Count(excerpts), top);

    /// <summary>The <paramref name="top"/> terms of counts: count desc, then keyword ascending (ordinal).</summary>
    public static IReadOnlyList<KeywordCount> Top(IReadOnlyDictionary<string, long> counts, int top) =>
        [.. counts
            .OrderByDescending(x => x.Value)
            .ThenBy(x => x.Key, StringComparer.Ordinal)
            .Take(top)
            .Select(x => new KeywordCount(x.Key, x.Value))];

    /// <summary>How many of <paramref name="excerpts"/> hold each term (ordinal keys).</summary>
    public static Dictionary<string, long> Count(IEnumerable<string> excerpts)
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

        return counts.ToDictionary(x => x.Key, x => x.Value.Count, StringComparer.Ordinal);
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

    /// <summary>
    /// Whether <paramref name="term"/> (lowercase) counts: long enough, not a number, not a stop word. Also applied
    /// when a window's stored days are added up, so a day stored before a word joined the stop list never shows it.
    /// </summary>
    public static bool IsTerm(ReadOnlySpan<char> term) =>
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
