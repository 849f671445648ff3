using System.Text;

namespace DiscordAnalytics.Core.Digests;

/// <summary>
/// User text (names, excerpts, keywords) inside digest Markdown. Names and excerpts are written by members, so
/// a hostile one must not format, link, mention or ping: <see cref="Escape"/> backslash-escapes every character
/// that Discord's or CommonMark's Markdown gives a meaning (both drop the backslash before punctuation), so
/// <c>@everyone</c>, <c>&lt;@id&gt;</c>, <c>[x](url)</c> and <c>**</c> show as typed. Digits, dots, commas and
/// dashes are never escaped: numbers and dates stay readable to <see cref="Insights.GroundingCheck"/>.
/// </summary>
public static class MarkdownText
{
    // Discord: * _ ~ ` | (spoilers) < (mentions, emoji, timestamps) > (quotes) [ ] ( ) (masked links) @ (everyone/here).
    // CommonMark adds & (entities) and ! (images, already inert without '[').
    private const string Special = "\\`*_~|<>[]()@&!#";

    /// <summary>Escapes <paramref name="text"/> for one line of Markdown: line breaks and control characters become spaces, lone surrogates U+FFFD.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                builder.Append('\uFFFD');
            }
            else if (char.IsControl(c))
            {
                builder.Append(' ');
            }
            else
            {
                if (Special.Contains(c, StringComparison.Ordinal))
                {
                    builder.Append('\\');
                }

                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Markdown to plain text for places that show no Markdown (embed titles): drops the backslash of an escape.</summary>
    public static string Plain(string markdown)
    {
        var builder = new StringBuilder(markdown.Length);
        for (var i = 0; i < markdown.Length; i++)
        {
            if (markdown[i] == '\\' && i + 1 < markdown.Length && char.IsAsciiLetterOrDigit(markdown[i + 1]) is false && markdown[i + 1] < 128 && !char.IsWhiteSpace(markdown[i + 1]))
            {
                i++;
            }

            builder.Append(markdown[i]);
        }

        return builder.ToString();
    }

    /// <summary>Replaces lone surrogates (which no JSON encoder or Discord accepts as text) with U+FFFD.</summary>
    public static string WellFormed(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var paired = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (paired)
            {
                builder?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                builder ??= new StringBuilder(text, 0, i, text.Length);
                builder.Append('\uFFFD');
                continue;
            }

            builder?.Append(c);
        }

        return builder?.ToString() ?? text;
    }
}
