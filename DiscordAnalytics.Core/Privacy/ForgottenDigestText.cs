using System.Text.RegularExpressions;
using DiscordAnalytics.Core.Analytics;
using DiscordAnalytics.Core.Digests;

namespace DiscordAnalytics.Core.Privacy;

/// <summary>
/// Takes a member out of a digest's Markdown. Their names and excerpts are those of the summary the digest was built
/// from (the only place the digest's text can have taken them from: <see cref="DigestMarkdownWriter"/> names nobody else,
/// and a generator's actions are grounded in that summary). Every occurrence counts, not only the writer's own forms:
/// the name in bold in a list and the name inside a suggested action (model-written or not), in the escaped form the
/// writer stores and as typed, in any letter case. A name is replaced as a whole word (so "Bo" does not take "Bob"
/// apart), which also means an ordinary word that equals a forgotten name is replaced wherever it stands: forgetting
/// errs on the side of forgetting.
/// </summary>
public static class ForgottenDigestText
{
    public const string ForgottenName = "(forgotten member)";

    public const string ForgottenExcerpt = "a message";

    /// <summary>
    /// An excerpt in quotes (how the writer shows one) is always replaced; anywhere else only from this length, since a
    /// short one ("gm", "thanks!") is everyone's words and would take other members' text with it.
    /// </summary>
    public const int MinBareExcerptLength = 12;

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    /// <summary>The Markdown without <paramref name="userId"/>'s names and excerpts as <paramref name="summary"/> has them.</summary>
    public static string Scrub(string markdown, AnalyticsSummary summary, string userId)
    {
        var excerpts = summary.TopContent
            .Where(c => c.AuthorDiscordUserId == userId && !string.IsNullOrWhiteSpace(c.Excerpt))
            .Select(c => c.Excerpt!);
        var names = summary.TopMembers.Where(m => m.DiscordUserId == userId).Select(m => m.Name)
            .Concat((summary.RisingMembers ?? []).Where(m => m.DiscordUserId == userId).Select(m => m.Name))
            .Where(n => !string.IsNullOrWhiteSpace(n));

        // Excerpts first: one may contain the name, and is replaced whole.
        foreach (var excerpt in Forms(excerpts))
        {
            markdown = markdown.Replace($"“{excerpt}”", ForgottenExcerpt, StringComparison.OrdinalIgnoreCase);
            if (excerpt.Trim().Length >= MinBareExcerptLength)
            {
                markdown = ReplaceWhole(markdown, excerpt, ForgottenExcerpt);
            }
        }

        foreach (var name in Forms(names))
        {
            markdown = ReplaceWhole(markdown, name, ForgottenName);
        }

        return markdown;
    }

    /// <summary>Each text as the writer stores it (escaped) and as typed, longest first (so a longer form is not cut by a shorter one).</summary>
    private static List<string> Forms(IEnumerable<string> texts) =>
        [.. texts.SelectMany(t => new[] { MarkdownText.Escape(t), t.Trim() })
            .Where(f => f.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(f => f.Length)];

    /// <summary>Replaces <paramref name="text"/> wherever it stands as a whole (not inside a longer word), ignoring case.</summary>
    private static string ReplaceWhole(string markdown, string text, string replacement)
    {
        var pattern = (IsWordChar(text[0]) ? "(?<![\\p{L}\\p{N}_])" : string.Empty)
            + Regex.Escape(text)
            // An escaped underscore ("alice\_fan") continues the word as much as a plain one.
            + (IsWordChar(text[^1]) ? "(?![\\p{L}\\p{N}_]|\\\\_)" : string.Empty);
        return Regex.Replace(markdown, pattern, _ => replacement, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
