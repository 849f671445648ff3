using System.Globalization;
using System.Text;

namespace DiscordAnalytics.Core.Analytics;

/// <summary>
/// How a <see cref="Storage.Entities.KeywordDay"/> holds its terms: one <c>term&lt;TAB&gt;count</c> line per term.
/// A term is letters and digits only (<see cref="Keywords"/> splits on everything else), so neither separator
/// can occur in one.
/// </summary>
public static class KeywordDayTerms
{
    public static string Write(IReadOnlyList<KeywordCount> terms)
    {
        var text = new StringBuilder();
        foreach (var term in terms)
        {
            text.Append(text.Length == 0 ? string.Empty : "\n").Append(term.Keyword).Append('\t').Append(term.Count.ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>The stored terms as a list, in their stored order.</summary>
    public static IReadOnlyList<KeywordCount> Read(string terms)
    {
        var list = new List<KeywordCount>();
        foreach (var range in terms.AsSpan().Split('\n'))
        {
            var line = terms.AsSpan()[range];
            var tab = line.IndexOf('\t');
            if (tab > 0)
            {
                list.Add(new KeywordCount(line[..tab].ToString(), long.Parse(line[(tab + 1)..], CultureInfo.InvariantCulture)));
            }
        }

        return list;
    }

    /// <summary>Adds each stored term's count to <paramref name="counts"/> (ordinal keys).</summary>
    public static void AddTo(Dictionary<string, long> counts, string terms)
    {
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var range in terms.AsSpan().Split('\n'))
        {
            var line = terms.AsSpan()[range];
            var tab = line.IndexOf('\t');
            if (tab <= 0)
            {
                continue;
            }

            var term = line[..tab];
            var count = long.Parse(line[(tab + 1)..], CultureInfo.InvariantCulture);
            lookup[term] = lookup.TryGetValue(term, out var known) ? known + count : count;
        }
    }
}
